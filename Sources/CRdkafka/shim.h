#ifndef VI_CRDKAFKA_SHIM_H
#define VI_CRDKAFKA_SHIM_H
#include <librdkafka/rdkafka.h>
#endif
