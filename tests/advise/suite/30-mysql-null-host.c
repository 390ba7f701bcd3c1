/* Stores a row in a MySQL reached over the local socket (NULL host). */
#include <pthread.h>

typedef struct st_mysql MYSQL;
MYSQL *mysql_init(MYSQL *mysql);
MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user,
                          const char *passwd, const char *db, unsigned int port,
                          const char *unix_socket, unsigned long clientflag);
int mysql_query(MYSQL *mysql, const char *q);
void mysql_close(MYSQL *sock);

static void *insert_row(void *arg)
{
    MYSQL *m = mysql_init(NULL);
    if (!mysql_real_connect(m, NULL, "app", "secret", "shop", 0, NULL, 0))
        return NULL;
    mysql_query(m, arg);
    mysql_close(m);
    return NULL;
}

void insert_async(char *sql)
{
    pthread_t t;
    pthread_create(&t, NULL, insert_row, sql); // label: SW103
    pthread_detach(t);
}
