/* Stand-in for <curl/curl.h> (libcurl): only the declarations the io-bound
 * suite uses, with libcurl's names and signatures, for machines without the
 * libcurl headers.  Include it as "include/curl/curl.h" (or
 * "../include/curl/curl.h" from a multi-file program). */
#ifndef SUITE_CURL_CURL_H
#define SUITE_CURL_CURL_H

#include <stddef.h>

typedef struct Curl_easy CURL;
typedef struct Curl_multi CURLM;
typedef int curl_socket_t;

typedef enum {
    CURLE_OK = 0,
    CURLE_COULDNT_RESOLVE_HOST = 6,
    CURLE_COULDNT_CONNECT = 7,
    CURLE_OPERATION_TIMEDOUT = 28
} CURLcode;

typedef enum { CURLM_OK = 0 } CURLMcode;

typedef enum {
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_POSTFIELDS = 10015,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_PRIVATE = 10103,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_TIMEOUT = 13,
    CURLOPT_NOBODY = 44,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_CONNECTTIMEOUT = 78
} CURLoption;

typedef enum {
    CURLINFO_PRIVATE = 0x100015,
    CURLINFO_RESPONSE_CODE = 0x200002
} CURLINFO;

typedef enum { CURLMSG_NONE, CURLMSG_DONE } CURLMSG;

struct CURLMsg {
    CURLMSG msg;
    CURL *easy_handle;
    union {
        void *whatever;
        CURLcode result;
    } data;
};
typedef struct CURLMsg CURLMsg;

struct curl_slist {
    char *data;
    struct curl_slist *next;
};

struct curl_waitfd {
    curl_socket_t fd;
    short events;
    short revents;
};

#define CURL_GLOBAL_DEFAULT 3L

CURLcode curl_global_init(long flags);
void curl_global_cleanup(void);
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...);
void curl_easy_reset(CURL *curl);
void curl_easy_cleanup(CURL *curl);
const char *curl_easy_strerror(CURLcode code);
char *curl_easy_escape(CURL *curl, const char *string, int length);
void curl_free(void *p);
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *data);
void curl_slist_free_all(struct curl_slist *list);

CURLM *curl_multi_init(void);
CURLMcode curl_multi_add_handle(CURLM *multi_handle, CURL *curl_handle);
CURLMcode curl_multi_remove_handle(CURLM *multi_handle, CURL *curl_handle);
CURLMcode curl_multi_perform(CURLM *multi_handle, int *running_handles);
CURLMcode curl_multi_poll(CURLM *multi_handle, struct curl_waitfd extra_fds[],
                          unsigned int extra_nfds, int timeout_ms, int *ret);
CURLMsg *curl_multi_info_read(CURLM *multi_handle, int *msgs_in_queue);
CURLMcode curl_multi_cleanup(CURLM *multi_handle);

#endif
