/* Arb's arctangent against MPFR's, microseconds per call, one thread (docs/mpfr.md, "Arb
   against MPFR"). The kernel's angle is atan2(s, -p) with s = sqrt(u) in about [0.3, 0.9]
   and -p negative (ReluKernel.swift): here y = sqrt((3 + i) / (10 + i)), in [0.55, 0.9], every
   bit set, and x = -(7 + 2i) / (13 + 3i), in [-0.67, -0.54], 64 pairs cycled so that no call
   sees the argument of the one before. Arb's result is a ball; its midpoint is converted to
   MPFR (arf_get_mpfr), as a hot path would have to. The MPFR and Arb loops run in turn nine
   times and the minimum of each is printed, because the machine is shared.

   Also printed: the largest difference, in units of the last place, between Arb's midpoint
   rounded to nearest and MPFR's correctly rounded atan2; and the correctly rounded route:
   Arb at 32 more bits, its ball's two ends rounded to nearest at the target precision; where
   they agree that is the correctly rounded result (else one would call MPFR), with how many
   of the 64 the ball decided and how many of those equal MPFR's result.

   Build and run (Debian: libflint-arb-dev, libmpfr-dev):
     gcc -O2 -o /tmp/arb-vs-mpfr-atan scripts/arb-vs-mpfr-atan.c -lflint-arb -lflint -lmpfr -lgmp
     /tmp/arb-vs-mpfr-atan */
#include <stdio.h>
#include <time.h>
#include <mpfr.h>
#include <arb.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

#define N 64
int main(void) {
    long precs[] = {214, 1000, 3000, 3403, 10000, 30000, 33300};
    printf("bits  calls  mpfr_atan2  arb_atan2(+conv)  ratio  mpfr_atan  arb_atan(+conv)  ratio  maxdiff_ulp\n");
    for (int pi = 0; pi < 7; pi++) {
        long prec = precs[pi];
        int reps = prec <= 1000 ? 200 : prec <= 3403 ? 30 : prec <= 10000 ? 4 : 1;
        mpfr_t y[N], x[N], r, m, q;
        arb_t ay[N], ax[N], ar;
        for (int i = 0; i < N; i++) {
            mpfr_init2(y[i], prec); mpfr_init2(x[i], prec);
            mpfr_set_ui(y[i], 3 + i, MPFR_RNDN); mpfr_div_ui(y[i], y[i], 10 + i, MPFR_RNDN); mpfr_sqrt(y[i], y[i], MPFR_RNDN); /* ~0.55-0.9, all bits set */
            mpfr_set_ui(x[i], 7 + 2 * i, MPFR_RNDN); mpfr_div_ui(x[i], x[i], 13 + 3 * i, MPFR_RNDN); mpfr_neg(x[i], x[i], MPFR_RNDN); /* ~ -0.5..-0.66 */
            arb_init(ay[i]); arb_init(ax[i]);
            arf_set_mpfr(arb_midref(ay[i]), y[i]); mag_zero(arb_radref(ay[i]));
            arf_set_mpfr(arb_midref(ax[i]), x[i]); mag_zero(arb_radref(ax[i]));
        }
        mpfr_init2(r, prec); mpfr_init2(m, prec); mpfr_init2(q, prec); arb_init(ar);
        double maxdiff = 0;
        /* warm up both (constant caches: pi, log 2, Arb's atan tables) */
        for (int i = 0; i < N; i++) { mpfr_atan2(r, y[i], x[i], MPFR_RNDN); arb_atan2(ar, ay[i], ax[i], prec); }
        /* rounds in turn (MPFR, Arb, MPFR, Arb ...); the machine is shared, so the minimum
           over the rounds of each is quoted */
        double tm2 = 1e9, ta2 = 1e9, tm1 = 1e9, ta1 = 1e9, t0, t;
        for (int round = 0; round < 9; round++) {
            t0 = now();
            for (int k = 0; k < reps; k++) for (int i = 0; i < N / 8; i++) mpfr_atan2(r, y[(k + i) % N], x[i], MPFR_RNDN);
            t = (now() - t0) / (reps * (N / 8)); if (t < tm2) tm2 = t;
            t0 = now();
            for (int k = 0; k < reps; k++) for (int i = 0; i < N / 8; i++) { arb_atan2(ar, ay[(k + i) % N], ax[i], prec); arf_get_mpfr(m, arb_midref(ar), MPFR_RNDN); }
            t = (now() - t0) / (reps * (N / 8)); if (t < ta2) ta2 = t;
            t0 = now();
            for (int k = 0; k < reps; k++) for (int i = 0; i < N / 8; i++) mpfr_atan(r, y[(k + i) % N], MPFR_RNDN);
            t = (now() - t0) / (reps * (N / 8)); if (t < tm1) tm1 = t;
            t0 = now();
            for (int k = 0; k < reps; k++) for (int i = 0; i < N / 8; i++) { arb_atan(ar, ay[(k + i) % N], prec); arf_get_mpfr(m, arb_midref(ar), MPFR_RNDN); }
            t = (now() - t0) / (reps * (N / 8)); if (t < ta1) ta1 = t;
        }
        /* accuracy: Arb's midpoint against MPFR's correctly rounded atan2, in units of the last place */
        for (int i = 0; i < N; i++) {
            mpfr_atan2(r, y[i], x[i], MPFR_RNDN);
            arb_atan2(ar, ay[i], ax[i], prec); arf_get_mpfr(m, arb_midref(ar), MPFR_RNDN);
            mpfr_sub(q, m, r, MPFR_RNDN);
            if (!mpfr_zero_p(q)) {
                /* q / ulp(r) in MPFR: at 3000 bits and more the ulp is below the smallest double */
                mpfr_div_2si(q, q, mpfr_get_exp(r) - prec, MPFR_RNDN);
                double d = mpfr_get_d(q, MPFR_RNDN);
                if (d < 0) d = -d;
                if (d > maxdiff) maxdiff = d;
            }
        }
        /* the correctly rounded route: Arb at prec + 32 bits; where both ends of the ball round
           to the same number at prec bits, that number is the correctly rounded atan2 */
        int agree = 0, same = 0; double tcr = 1e9;
        {
            mpfr_t lo, hi, rlo, rhi; mpfr_init2(lo, prec + 64); mpfr_init2(hi, prec + 64); mpfr_init2(rlo, prec); mpfr_init2(rhi, prec);
            for (int round = 0; round < 9; round++) {
                t0 = now();
                for (int k = 0; k < reps; k++) for (int i = 0; i < N / 8; i++) {
                    arb_atan2(ar, ay[(k + i) % N], ax[i], prec + 32);
                    arb_get_interval_mpfr(lo, hi, ar);
                    mpfr_set(rlo, lo, MPFR_RNDN); mpfr_set(rhi, hi, MPFR_RNDN);
                }
                t = (now() - t0) / (reps * (N / 8)); if (t < tcr) tcr = t;
            }
            for (int i = 0; i < N; i++) {
                arb_atan2(ar, ay[i], ax[i], prec + 32);
                arb_get_interval_mpfr(lo, hi, ar);
                mpfr_set(rlo, lo, MPFR_RNDN); mpfr_set(rhi, hi, MPFR_RNDN);
                mpfr_atan2(r, y[i], x[i], MPFR_RNDN);
                if (mpfr_equal_p(rlo, rhi)) { agree++; if (mpfr_equal_p(rlo, r)) same++; }
            }
            mpfr_clear(lo); mpfr_clear(hi); mpfr_clear(rlo); mpfr_clear(rhi);
        }
        printf("  correctly rounded via Arb at +32 bits: %.2f us (%.2fx faster than mpfr_atan2); ball decided %d of %d, equal to MPFR in %d\n", tcr * 1e6, tm2 / tcr, agree, N, same);
        printf("%5ld %5d %10.2f %17.2f %6.2f %10.2f %16.2f %6.2f %8.0f\n", prec, reps * (N / 8), tm2 * 1e6, ta2 * 1e6, tm2 / ta2, tm1 * 1e6, ta1 * 1e6, tm1 / ta1, maxdiff);
        for (int i = 0; i < N; i++) { mpfr_clear(y[i]); mpfr_clear(x[i]); arb_clear(ay[i]); arb_clear(ax[i]); }
        mpfr_clear(r); mpfr_clear(m); mpfr_clear(q); arb_clear(ar);
    }
    flint_cleanup();
    return 0;
}
