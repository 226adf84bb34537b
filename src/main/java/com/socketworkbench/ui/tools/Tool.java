package com.socketworkbench.ui.tools;

/**
 * The tools of the Tools tab, in navigation order. Each names the C / Python socket functions it mirrors, so the
 * tab doubles as a reference for what those calls return.
 */
public enum Tool {
    THIS_HOST("This host", "thisHost", "Names and network interfaces of this computer",
            "like socket.gethostname(), socket.getfqdn() and `ip address`"),
    RESOLVE("Resolve", "resolve", "Host name ⇄ addresses, with the time taken",
            "like socket.getaddrinfo() / gethostbyname_ex() and gethostbyaddr()"),
    SERVICES("Services & ports", "services", "Service names ⇄ port numbers; what a port number means",
            "like socket.getservbyname() and getservbyport()"),
    CONVERTER("Address converter", "converter", "IPv4 and IPv6 in every written form; what kind of address",
            "like socket.inet_aton() / inet_ntoa() and inet_pton() / inet_ntop()"),
    SUBNET("Subnet calculator", "subnet", "CIDR → network, broadcast, mask, host range",
            "like Python's ipaddress.ip_network(..., strict=False)"),
    PORT_CHECK("Port check", "portCheck", "Is anything listening on host:port?",
            "like socket.connect_ex((host, port)) == 0");

    private final String title;
    private final String id;
    private final String summary;
    private final String mirrors;

    Tool(String title, String id, String summary, String mirrors) {
        this.title = title;
        this.id = id;
        this.summary = summary;
        this.mirrors = mirrors;
    }

    /** "Address converter". */
    public String title() {
        return title;
    }

    /** The prefix of the tool's node ids; its card is {@code #<id>Card}. */
    public String id() {
        return id;
    }

    /** One line under the title in the navigation list. */
    public String summary() {
        return summary;
    }

    /** The socket functions the tool corresponds to, shown as a subtle caption. */
    public String mirrors() {
        return mirrors;
    }

    @Override
    public String toString() {
        return title;
    }
}
