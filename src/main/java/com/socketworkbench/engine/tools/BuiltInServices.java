package com.socketworkbench.engine.tools;

/** The fallback services table, in /etc/services format so that it goes through the same parser. */
final class BuiltInServices {
    static final String TEXT = """
            # Built-in subset of the IANA service names, used when /etc/services is missing.
            echo            7/tcp
            echo            7/udp
            discard         9/tcp           sink null
            discard         9/udp           sink null
            daytime         13/tcp
            daytime         13/udp
            qotd            17/tcp          quote           # quote of the day
            chargen         19/tcp          ttytst source   # character generator
            ftp-data        20/tcp
            ftp             21/tcp
            ssh             22/tcp                          # SSH Remote Login Protocol
            telnet          23/tcp
            smtp            25/tcp          mail
            time            37/tcp          timserver
            whois           43/tcp          nicname
            domain          53/tcp                          # Domain Name Server
            domain          53/udp
            bootps          67/udp                          # DHCP server
            bootpc          68/udp                          # DHCP client
            tftp            69/udp
            gopher          70/tcp
            finger          79/tcp
            http            80/tcp          www             # WorldWideWeb HTTP
            kerberos        88/tcp          kerberos5 krb5
            pop3            110/tcp         pop-3           # POP version 3
            sunrpc          111/tcp         portmapper
            sunrpc          111/udp         portmapper
            auth            113/tcp         ident tap
            nntp            119/tcp         readnews untp   # USENET News Transfer Protocol
            ntp             123/udp                         # Network Time Protocol
            netbios-ns      137/udp
            netbios-dgm     138/udp
            netbios-ssn     139/tcp
            imap2           143/tcp         imap            # Interim Mail Access P 2 and 4
            snmp            161/udp                         # Simple Net Mgmt Protocol
            snmp-trap       162/udp         snmptrap
            bgp             179/tcp                         # Border Gateway Protocol
            irc             194/tcp                         # Internet Relay Chat
            ldap            389/tcp                         # Lightweight Directory Access Protocol
            https           443/tcp                         # http protocol over TLS/SSL
            https           443/udp                         # HTTP/3
            microsoft-ds    445/tcp
            syslog          514/udp
            submission      587/tcp                         # Submission [RFC4409]
            ldaps           636/tcp                         # LDAP over SSL
            rsync           873/tcp
            ftps            990/tcp
            imaps           993/tcp                         # IMAP over SSL
            pop3s           995/tcp                         # POP-3 over SSL
            socks           1080/tcp                        # socks proxy server
            openvpn         1194/udp
            ms-sql-s        1433/tcp
            mqtt            1883/tcp                        # MQTT
            nfs             2049/tcp                        # Network File System
            nfs             2049/udp
            mysql           3306/tcp
            ms-wbt-server   3389/tcp        rdp             # Remote Desktop
            sip             5060/udp                        # Session Initiation Protocol
            postgresql      5432/tcp        postgres
            amqp            5672/tcp
            x11             6000/tcp        x11-0           # X Window System
            redis           6379/tcp
            http-alt        8080/tcp        webcache        # WWW caching service
            """;

    private BuiltInServices() {
    }
}
