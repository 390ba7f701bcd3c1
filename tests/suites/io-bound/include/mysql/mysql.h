/* Stand-in for <mysql/mysql.h> (MySQL/MariaDB client): the declarations the
 * io-bound suite uses, with the client library's names and signatures. */
#ifndef SUITE_MYSQL_H
#define SUITE_MYSQL_H

typedef struct st_mysql MYSQL;
typedef struct st_mysql_res MYSQL_RES;
typedef char **MYSQL_ROW;
typedef unsigned long long my_ulonglong;

MYSQL *mysql_init(MYSQL *mysql);
MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user,
                          const char *passwd, const char *db, unsigned int port,
                          const char *unix_socket, unsigned long clientflag);
int mysql_query(MYSQL *mysql, const char *q);
MYSQL_RES *mysql_store_result(MYSQL *mysql);
MYSQL_ROW mysql_fetch_row(MYSQL_RES *result);
void mysql_free_result(MYSQL_RES *result);
my_ulonglong mysql_affected_rows(MYSQL *mysql);
unsigned long mysql_real_escape_string(MYSQL *mysql, char *to, const char *from,
                                       unsigned long length);
const char *mysql_error(MYSQL *mysql);
void mysql_close(MYSQL *sock);

#endif
