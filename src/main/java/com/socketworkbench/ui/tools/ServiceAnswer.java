package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.PortRanges;
import com.socketworkbench.engine.tools.PortRanges.KernelPorts;
import com.socketworkbench.engine.tools.PortRanges.PortClass;
import com.socketworkbench.engine.tools.ServiceTable;
import com.socketworkbench.engine.tools.ServiceTable.ServiceEntry;

import java.util.List;

/**
 * The services tool's answer to one query, phrased as the C library call it corresponds to.
 *
 * @param call      "getservbyname('http', 'tcp')", or "" when the whole table is listed
 * @param answer    "80/tcp", "ssh", or what the call would report when nothing matches
 * @param found     false when the call would fail (Python raises OSError)
 * @param entries   the matching lines of the services table
 * @param portClass the range of the port asked for, or of the first port found; null otherwise
 */
public record ServiceAnswer(String call, String answer, boolean found, List<ServiceEntry> entries,
                            PortClass portClass) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    public ServiceAnswer {
        entries = List.copyOf(entries);
    }

    /**
     * @param protocol the protocol chosen beside the box ("tcp", "udp"), or null for any; "/proto" in the query wins
     */
    public static ServiceAnswer answer(ServiceQuery query, String protocol, ServiceTable table, KernelPorts kernel) {
        String proto = query.protocol() != null ? query.protocol() : protocol;
        String protoArgument = proto == null ? "" : ", '" + proto + "'";
        if (query.isAll()) {
            List<ServiceEntry> entries = proto == null ? table.entries()
                    : table.entries().stream().filter(e -> e.protocol().equals(proto)).toList();
            return new ServiceAnswer("", proto == null
                    ? TEXT.get(entries.size() == 1 ? "services.count.one" : "services.count.other", entries.size())
                    : TEXT.get(entries.size() == 1 ? "services.countFor.one" : "services.countFor.other",
                    entries.size(), proto),
                    !entries.isEmpty(), entries, null);
        }
        if (query.isPort()) {
            List<ServiceEntry> entries = table.findByPort(query.port(), proto);
            String call = "getservbyport(" + query.port() + protoArgument + ")";
            PortClass range = PortRanges.classify(query.port(), kernel);
            if (entries.isEmpty()) {
                return new ServiceAnswer(call, TEXT.get("services.noPort", query.port() + (proto == null ? ""
                        : "/" + proto)), false, entries, range);
            }
            return new ServiceAnswer(call, String.join(", ", table.byPort(query.port(), proto)), true, entries,
                    range);
        }
        List<ServiceEntry> entries = table.findByName(query.name(), proto);
        String call = "getservbyname('" + query.name() + "'" + protoArgument + ")";
        if (entries.isEmpty()) {
            return new ServiceAnswer(call, proto == null ? TEXT.get("services.noName", query.name())
                    : TEXT.get("services.noNameFor", query.name(), proto), false, entries, null);
        }
        String ports = String.join(", ", entries.stream().map(ServiceEntry::portAndProtocol).distinct().toList());
        return new ServiceAnswer(call, ports, true, entries,
                PortRanges.classify(entries.getFirst().port(), kernel));
    }
}
