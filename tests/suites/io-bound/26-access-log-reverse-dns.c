/* Truth: the log enricher does one reverse DNS lookup (getnameinfo without
 * NI_NUMERICHOST) per log line; the lookups are independent: SW302 at the
 * getnameinfo call in the loop.  Reading stdin and printing are not
 * remote. */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

int main(void)
{
    char line[2048], ip[64], host[NI_MAXHOST];

    while (fgets(line, sizeof line, stdin)) {
        struct sockaddr_in sa;
        struct sockaddr *sp = (struct sockaddr *)&sa;
        int rc;
        size_t len = strcspn(line, " ");
        if (len == 0 || len >= sizeof ip) {
            fputs(line, stdout);
            continue;
        }
        memcpy(ip, line, len);
        ip[len] = '\0';
        memset(&sa, 0, sizeof sa);
        sa.sin_family = AF_INET;
        if (inet_pton(AF_INET, ip, &sa.sin_addr) != 1) {
            fputs(line, stdout);
            continue;
        }
        rc = getnameinfo(sp, sizeof sa, host, NI_MAXHOST, // label: SW302
                         NULL, 0, NI_NAMEREQD);
        if (rc != 0)
            snprintf(host, sizeof host, "%s", ip);
        printf("%s%s", host, line + len);
    }
    return 0;
}
