// Umbrella header for MPFR and GMP. The three standard headers must come first, or the
// intmax_t, FILE* and va_list parts of the MPFR API silently vanish (docs/mpfr.md, "Importing mpfr.h").
#ifndef CMPFR_SHIM_H
#define CMPFR_SHIM_H
#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <gmp.h>
#include <mpfr.h>

// Macro-only parts of the API, wrapped so that Swift can call them.
static inline const char *cmpfr_mpfr_version(void) { return mpfr_get_version(); }
static inline const char *cmpfr_gmp_version(void) { return gmp_version; }
static inline long cmpfr_prec_min(void) { return (long)MPFR_PREC_MIN; }
static inline long cmpfr_prec_max(void) { return (long)MPFR_PREC_MAX; }
#endif
