/* Resolves two unrelated hosts one after another in main. */
#include <netdb.h>
#include <stdio.h>

int main(void)
{
    struct addrinfo *a = NULL, *b = NULL;
    int ra = getaddrinfo("mail.example.com", "25", NULL, &a);
    int rb = getaddrinfo("backup.example.com", "25", NULL, &b);
    printf("%d %d\n", ra, rb);
    return 0;
}
// advise: main async-would-help
