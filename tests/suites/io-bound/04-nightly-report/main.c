/* Truth: the nightly report counts rows in two remote databases (orders and
 * billing clusters, named by literal host names) one after the other; the
 * two counts are independent: SW301 at the second count_rows call.  Writing
 * the local report file afterwards is local I/O (clean). */
#include <stdio.h>

#include "report.h"

#define BILLING_DSN                                                            \
    "host=billing-db.prod.example.com dbname=billing user=report"
#define REFUNDS_SQL                                                            \
    "SELECT count(*) FROM refunds WHERE created_at > now() - interval '1 day'"

void write_report(const char *path, long orders, long refunds)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fprintf(f, "orders=%ld refunds=%ld\n", orders, refunds);
    fclose(f);
}

int main(void)
{
    long orders, refunds;

    orders = count_rows("host=orders-db.prod.example.com dbname=orders "
                        "user=report",
                        "SELECT count(*) FROM orders "
                        "WHERE created_at > now() - interval '1 day'");
    refunds = count_rows(BILLING_DSN, REFUNDS_SQL); // label: SW301
    write_report("/var/lib/reports/nightly.txt", orders, refunds);
    return orders < 0 || refunds < 0;
}
