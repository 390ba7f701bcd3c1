#ifndef UPLOAD_LOG_H
#define UPLOAD_LOG_H

void log_info(const char *fmt, ...);

#endif
