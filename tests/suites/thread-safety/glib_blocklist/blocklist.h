#ifndef BLOCKLIST_H
#define BLOCKLIST_H

#include <glib.h>

void blocklist_init(void);
gboolean blocklist_contains(const char *domain);
void blocklist_add(const char *domain);
guint blocklist_hits(void);

#endif
