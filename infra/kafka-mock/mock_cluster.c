/*
 * mock_cluster: runs librdkafka's in-process mock Kafka cluster as a standalone broker for local
 * runs and integration tests.
 *
 *   mock_cluster [--brokers N] [--ports p1,p2,...] --topic name:partitions [--topic ...]
 *
 * Prints "BOOTSTRAP host:port,..." on stdout once the topics exist, then serves until SIGTERM or
 * SIGINT (or until its parent dies) and exits 0.
 *
 * Behaviour of the librdkafka 2.0.2 mock worth knowing (measured against kafkajs 2.2.4):
 *  - Unknown topics ARE auto-created, with 4 partitions, on the first Metadata request that
 *    names them - even from a kafkajs producer created with allowAutoTopicCreation: false. A typo
 *    in a topic name therefore yields a new 4-partition topic instead of an error. There is no
 *    CreateTopics support, which is why the catalogue topics are created here with their
 *    contractual partition counts.
 *  - Everything lives in memory; a restart starts empty.
 *  - Each partition keeps only about 5 MiB of the newest data; older segments are dropped.
 *  - Metadata reports controller id 0, which no broker has: kafkajs admin calls that go to the
 *    controller (createTopics, ...) and the kafkajs idempotent producer fail with "Broker 0 not
 *    found in the cached metadata". listTopics and fetchTopicOffsets work.
 *
 * Fixed ports: the 2.0.2 API has no way to choose the listener ports (each broker binds
 * 127.0.0.1:0). With --ports, this program interposes bind(): the k-th loopback listener that asks
 * for port 0 gets the k-th listed port instead, so a restarted cluster keeps its addresses.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define MAX_BROKERS 16
#define MAX_TOPICS 256

static int fixed_ports[MAX_BROKERS];
static int fixed_port_cnt;
static int fixed_ports_used;

/* Overrides libc's bind() for librdkafka (the executable's symbols win the dynamic lookup). */
int bind(int fd, const struct sockaddr *addr, socklen_t len) {
        static int (*real_bind)(int, const struct sockaddr *, socklen_t);
        if (!real_bind)
                real_bind = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");

        if (addr->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in) &&
            ((const struct sockaddr_in *)addr)->sin_port == 0 && fixed_ports_used < fixed_port_cnt) {
                struct sockaddr_in fixed = *(const struct sockaddr_in *)addr;
                int one = 1;
                fixed.sin_port = htons((uint16_t)fixed_ports[fixed_ports_used++]);
                /* Connections closed by the previous instance may still sit in TIME_WAIT. */
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
                if (real_bind(fd, (const struct sockaddr *)&fixed, sizeof(fixed)) == 0)
                        return 0;
                /* librdkafka aborts on a failed mock bind; leave with a useful message instead. */
                fprintf(stderr, "mock_cluster: cannot listen on 127.0.0.1:%d: %s\n",
                        ntohs(fixed.sin_port), strerror(errno));
                _exit(3);
        }
        return real_bind(fd, addr, len);
}

static void usage(const char *msg) {
        fprintf(stderr,
                "mock_cluster: %s\n"
                "usage: mock_cluster [--brokers N] [--ports p1,p2,...] --topic name:partitions "
                "[--topic ...]\n",
                msg);
        exit(2);
}

static int parse_int(const char *s, int min, int max, const char *what) {
        char *end;
        long v = strtol(s, &end, 10);
        if (*s == '\0' || *end != '\0' || v < min || v > max) {
                char msg[256];
                snprintf(msg, sizeof(msg), "invalid %s '%s' (expected %d..%d)", what, s, min, max);
                usage(msg);
        }
        return (int)v;
}

static void parse_ports(char *list) {
        char *tok, *save = NULL;
        for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (fixed_port_cnt == MAX_BROKERS)
                        usage("too many ports");
                fixed_ports[fixed_port_cnt++] = parse_int(tok, 1, 65535, "port");
        }
}

int main(int argc, char **argv) {
        int broker_cnt = 1;
        char *topic_names[MAX_TOPICS];
        int topic_partitions[MAX_TOPICS];
        int topic_cnt = 0;
        char errstr[512];
        sigset_t stop_signals;
        int sig, i;

        for (i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "--brokers") && i + 1 < argc) {
                        broker_cnt = parse_int(argv[++i], 1, MAX_BROKERS, "broker count");
                } else if (!strcmp(argv[i], "--ports") && i + 1 < argc) {
                        parse_ports(argv[++i]);
                } else if (!strcmp(argv[i], "--topic") && i + 1 < argc) {
                        char *spec = argv[++i];
                        char *colon = strrchr(spec, ':');
                        if (!colon || colon == spec)
                                usage("--topic expects name:partitions");
                        if (topic_cnt == MAX_TOPICS)
                                usage("too many topics");
                        *colon = '\0';
                        topic_names[topic_cnt] = spec;
                        topic_partitions[topic_cnt++] = parse_int(colon + 1, 1, 1000, "partition count");
                } else {
                        char msg[256];
                        snprintf(msg, sizeof(msg), "unknown or incomplete argument '%s'", argv[i]);
                        usage(msg);
                }
        }
        if (fixed_port_cnt && fixed_port_cnt != broker_cnt)
                usage("--ports must list exactly one port per broker");

        /* Die with the process that started us, even if it is killed without cleaning up. */
        prctl(PR_SET_PDEATHSIG, SIGTERM);

        /* Blocked before librdkafka starts its threads, so they inherit the mask and only
         * sigwait() below sees the signals. */
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGTERM);
        sigaddset(&stop_signals, SIGINT);
        pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);

        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "log_level", "4", errstr, sizeof(errstr));
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "mock_cluster: rd_kafka_new failed: %s\n", errstr);
                return 1;
        }

        rd_kafka_mock_cluster_t *mcluster = rd_kafka_mock_cluster_new(rk, broker_cnt);
        if (!mcluster) {
                fprintf(stderr, "mock_cluster: could not create the mock cluster%s\n",
                        fixed_port_cnt ? " (is one of the --ports already in use?)" : "");
                rd_kafka_destroy(rk);
                return 1;
        }

        for (i = 0; i < topic_cnt; i++) {
                rd_kafka_resp_err_t err =
                    rd_kafka_mock_topic_create(mcluster, topic_names[i], topic_partitions[i], 1);
                if (err) {
                        fprintf(stderr, "mock_cluster: creating topic %s failed: %s\n", topic_names[i],
                                rd_kafka_err2str(err));
                        rd_kafka_mock_cluster_destroy(mcluster);
                        rd_kafka_destroy(rk);
                        return 1;
                }
        }

        printf("BOOTSTRAP %s\n", rd_kafka_mock_cluster_bootstraps(mcluster));
        fflush(stdout);

        while (sigwait(&stop_signals, &sig) != 0)
                ;

        rd_kafka_mock_cluster_destroy(mcluster);
        rd_kafka_destroy(rk);
        return 0;
}
