/* check_many.h — `cnnc check` over .py sources, many files, and sweeps. */
#ifndef CNNC_CLI_CHECK_MANY_H
#define CNNC_CLI_CHECK_MANY_H
int check_many(int argc, char **argv);
#endif
