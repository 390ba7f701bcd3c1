#ifndef REPORT_H
#define REPORT_H

long count_rows(const char *conninfo, const char *sql);
void write_report(const char *path, long orders, long refunds);

#endif
