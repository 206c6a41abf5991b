#ifndef APPRAISE_CLIBYAML_SHIM_H
#define APPRAISE_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
