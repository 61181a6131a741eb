#!/usr/bin/env python3
"""Independent mpmath reference for the saddle-to-minimum transition of the one-flipped family.

What it computes
    The critical point of the reduced loss of partition d-1,1 (k = d students, teacher V = I_d)
    that starts from the seed (D0, O0, C0_1, C1_0, D1) = (1.00435, -0.01581, 0.18237, 0.12604,
    -0.69904) at d = 10 is followed down in d (natural-parameter steps, Newton on grad L = 0).
    Between d = 5 and 6 the smallest eigenvalue of the Hessian's "standard of S_{d-1}" part
    changes sign; the script locates that d* to N decimal digits and prints it together with the
    five coordinates of the critical point there. It is the reference for
        spurious transitions --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \
            --seed-d 10 --to 5 --digits N
    and an independent timing reference for `spurious bench`, which runs this script as a child
    process and compares wall times. It shares no code with the Swift tool: only the mathematics
    of ../shared/DESIGN.md (the project's docs/design.md).

Mathematics (DESIGN.md)
    section 1  the closed-form ReLU kernel f(w, v) and the loss L = 1/2 sum f(w_i, w_i')
               - sum f(w_i, v_j) + 1/2 sum f(v_j, v_j');
    section 2  fixed-point spaces of partition type, their variables D_a, O_a, C_ab and the
               inner products with counts that are polynomials in d, so the reduced loss makes
               sense for real d;
    section 3  the isotypic decomposition of the Hessian: the standard part of S_{d-1} is the
               Hessian of the refined partition d-2,1,1 reduced loss restricted to the
               M-orthogonal complement of the embedded d-1,1 space, as the pencil (H, M) with M
               the diagonal metric of counts;
    section 4  natural continuation in d, then location of the event by a secant in d on the
               part's determinant (product of its pencil eigenvalues), re-solving grad L = 0 by
               Newton at every d, in multiprecision, rechecked at a higher precision.

Derivatives
    The kernel is written in the three quadratic forms a = |w|^2, b = |v|^2, p = w.v of the
    variables x: 2 pi f = F(a, b, p) = s + (pi - theta) p, s = sqrt(ab - p^2),
    theta = atan2(s, p). Its partial derivatives are closed forms (F_a = s/(2a), F_b = s/(2b),
    F_p = pi - theta, and second derivatives below), and the gradient and Hessian of the reduced
    loss in x follow by the chain rule through the forms (whose gradients and Hessians are
    exact). No numerical differentiation is used; `--self-test` checks these closed forms
    against mpmath.diff, checks the reduced losses against a brute-force k x d sum at integer d,
    and the spectrum at d = 10 against DESIGN.md's worked example.

Usage
    python3 scripts/mpmath-transition.py [--digits N] [--verbose] [--self-test]
Output (stdout): "d* <N digits>" and one "<name> <N digits>" line per coordinate.
Exit status: 0 on success, 2 on bad input, 1 when the computation fails or the two
precisions agree on fewer than N digits (then the agreeing digits are printed).
Needs Python 3 and mpmath only (the gmpy backend is faster, but not required).
"""

import argparse
import sys
import time

import mpmath
from mpmath import mp, mpf

# ---------------------------------------------------------------------------------------------
# Partitions and fixed spaces (DESIGN.md section 2). A block size is affine in d: (cd, c0) means
# cd * d + c0. Every block here is paired (rows and columns, k = d).

COARSE = [(1, -1), (0, 1)]           # d-1, 1
FINE = [(1, -2), (0, 1), (0, 1)]     # d-2, 1, 1: block 0 of d-1,1 split into d-2, 1
FINE_PARENT = [0, 0, 1]              # fine block -> coarse block

SEED = ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"]
SEED_D = 10


class Space:
    """Fixed space of a partition with paired blocks: variables D_a, O_a (a not a singleton)
    and C_ab, in row-block-major order (the Swift tool's order)."""

    def __init__(self, spec):
        self.spec = spec
        self.nb = len(spec)
        self.vars = []
        for a in range(self.nb):
            for b in range(self.nb):
                if a == b:
                    self.vars.append(("D", a, a))
                    if not self.singleton(a):
                        self.vars.append(("O", a, a))
                else:
                    self.vars.append(("C", a, b))
        self.index = {v: i for i, v in enumerate(self.vars)}
        self.nv = len(self.vars)

    def singleton(self, a):
        return self.spec[a] == (0, 1)

    def name(self, i):
        t, a, b = self.vars[i]
        return f"C{a}_{b}" if t == "C" else f"{t}{a}"

    def sizes(self, d):
        return [cd * d + c0 for cd, c0 in self.spec]

    def D(self, a):
        return self.index[("D", a, a)]

    def O(self, a):
        return self.index.get(("O", a, a))

    def C(self, a, b):
        return self.index[("C", a, b)]

    def counts(self, d):
        """number of matrix entries carried by each variable: the diagonal metric M"""
        n = self.sizes(d)
        out = []
        for t, a, b in self.vars:
            out.append(n[a] if t == "D" else n[a] * (n[a] - 1) if t == "O" else n[a] * n[b])
        return out

    # Quadratic forms as lists of (coefficient, i, j): sum coef * x_i * x_j (DESIGN.md sec. 2).
    def norm_form(self, a, n):
        """|w_a|^2"""
        q = [(mpf(1), self.D(a), self.D(a))]
        if self.O(a) is not None:
            q.append((n[a] - 1, self.O(a), self.O(a)))
        q += [(n[b], self.C(a, b), self.C(a, b)) for b in range(self.nb) if b != a]
        return q

    def same_form(self, a, n):
        """w_a . w_a' for two different rows of block a"""
        Da, Oa = self.D(a), self.O(a)
        q = [(mpf(2), Da, Oa), (n[a] - 2, Oa, Oa)]
        q += [(n[b], self.C(a, b), self.C(a, b)) for b in range(self.nb) if b != a]
        return q

    def cross_form(self, a, e, n):
        """w_a . w_e for rows of blocks a != e"""
        q = [(mpf(1), self.D(a), self.C(e, a)), (mpf(1), self.D(e), self.C(a, e))]
        if self.O(a) is not None:
            q.append((n[a] - 1, self.O(a), self.C(e, a)))
        if self.O(e) is not None:
            q.append((n[e] - 1, self.O(e), self.C(a, e)))
        q += [(n[b], self.C(a, b), self.C(e, b)) for b in range(self.nb) if b not in (a, e)]
        return q

    def matrix(self, x, d):
        """the k x d weight matrix at integer d (for the brute-force self-test only)"""
        n = [int(v) for v in self.sizes(d)]
        start = [sum(n[:a]) for a in range(self.nb)]
        k = sum(n)
        W = [[mpf(0)] * k for _ in range(k)]
        for a in range(self.nb):
            for i in range(n[a]):
                for b in range(self.nb):
                    for j in range(n[b]):
                        if a == b:
                            v = x[self.D(a)] if i == j else x[self.O(a)]
                        else:
                            v = x[self.C(a, b)]
                        W[start[a] + i][start[b] + j] = v
        return W


def eval_form(q, x, nv, order):
    """value, gradient (dense) and Hessian (the form itself: constant) of a quadratic form"""
    val = mpf(0)
    grad = [mpf(0)] * nv if order >= 1 else None
    for c, i, j in q:
        val += c * x[i] * x[j]
        if order >= 1:
            grad[i] += c * x[j]
            grad[j] += c * x[i]
    return val, grad, q


# ---------------------------------------------------------------------------------------------
# The kernel in the forms (a, b, p) (DESIGN.md section 1): 2 pi f = F(a, b, p).

def kernel_derivs(a, b, p, order):
    """F and its first and second partial derivatives in (a, b, p).
    dF = s/(2a) da + s/(2b) db + (pi - theta) dp; theta_p = -1/s, theta_a = p/(2 a s), etc."""
    u = a * b - p * p
    if not u > mpf(10) ** (-(mp.dps // 2)) * a * b:
        raise ArithmeticError("two rows are (anti-)parallel: the closed forms used here are "
                              "singular there")
    s = mpmath.sqrt(u)
    th = mpmath.atan2(s, p)
    F = s + (mp.pi - th) * p
    if order == 0:
        return F, None, None
    g = [s / (2 * a), s / (2 * b), mp.pi - th]
    if order == 1:
        return F, g, None
    w = 2 * p * p - a * b
    Fab = 1 / (4 * s)
    Fap = -p / (2 * a * s)
    Fbp = -p / (2 * b * s)
    h = [[w / (4 * a * a * s), Fab, Fap],
         [Fab, w / (4 * b * b * s), Fbp],
         [Fap, Fbp, 1 / s]]
    return F, g, h


class Acc:
    """accumulates a value, gradient and Hessian of the reduced loss"""

    def __init__(self, nv, order):
        self.nv, self.order = nv, order
        self.val = mpf(0)
        self.grad = [mpf(0)] * nv if order >= 1 else None
        self.hess = [[mpf(0)] * nv for _ in range(nv)] if order >= 2 else None

    def add_quadratic(self, w, form):
        """w * (a quadratic form), the form given as (value, gradient, coefficient list)"""
        val, grad, q = form
        self.val += w * val
        if self.order >= 1:
            for i in range(self.nv):
                self.grad[i] += w * grad[i]
        if self.order >= 2:
            for c, i, j in q:
                self.hess[i][j] += w * c
                self.hess[j][i] += w * c

    def add_kernel(self, w, forms):
        """w * F(a, b, p); forms = three (value, gradient, coefficients) triples, or None for a
        form that is constant (|v|^2 = 1) or linear (p = x_k: given as ("lin", k))"""
        vals, grads, quads = [], [], []
        for fm in forms:
            if fm is None:
                vals.append(mpf(1)); grads.append(None); quads.append(None)
            elif fm[0] == "lin":
                k = fm[1]
                vals.append(fm[2]); quads.append(None)
                if self.order >= 1:
                    e = [mpf(0)] * self.nv
                    e[k] = mpf(1)
                    grads.append(e)
                else:
                    grads.append(None)
            else:
                vals.append(fm[0]); grads.append(fm[1]); quads.append(fm[2])
        F, g, h = kernel_derivs(vals[0], vals[1], vals[2], self.order)
        self.val += w * F
        if self.order == 0:
            return
        live = [r for r in range(3) if grads[r] is not None]
        for r in live:
            c = w * g[r]
            for i in range(self.nv):
                self.grad[i] += c * grads[r][i]
        if self.order < 2:
            return
        for r in live:                      # first derivatives times the forms' Hessians
            if quads[r] is not None:
                c = w * g[r]
                for cf, i, j in quads[r]:
                    self.hess[i][j] += c * cf
                    self.hess[j][i] += c * cf
        for r in live:                      # second derivatives times outer products
            u = [w * sum(h[r][t] * grads[t][i] for t in live) for i in range(self.nv)]
            gr = grads[r]
            for i in range(self.nv):
                if gr[i]:
                    gi = gr[i]
                    row = self.hess[i]
                    for j in range(self.nv):
                        row[j] += gi * u[j]


def reduced_loss(sp, x, d, order=2):
    """L_G(x; d), its gradient and its Hessian in x (DESIGN.md sections 1-2)"""
    n = sp.sizes(d)
    nv = sp.nv
    acc = Acc(nv, order)
    two_pi = 2 * mp.pi
    norms = [eval_form(sp.norm_form(a, n), x, nv, order) for a in range(sp.nb)]
    for a in range(sp.nb):
        # i = i': f(w, w) = |w|^2 / 2, with the loss's 1/2
        acc.add_quadratic(n[a] / 4, norms[a])
        # i != i' in the same block (ordered pairs, with the loss's 1/2)
        if not sp.singleton(a):
            same = eval_form(sp.same_form(a, n), x, nv, order)
            acc.add_kernel(n[a] * (n[a] - 1) / (2 * two_pi), [norms[a], norms[a], same])
        # rows of two different blocks: unordered pairs, weight 1
        for e in range(a + 1, sp.nb):
            cross = eval_form(sp.cross_form(a, e, n), x, nv, order)
            acc.add_kernel(n[a] * n[e] / two_pi, [norms[a], norms[e], cross])
        # student-teacher terms, |v_j| = 1
        for b in range(sp.nb):
            if b == a:
                acc.add_kernel(-n[a] / two_pi, [norms[a], None, ("lin", sp.D(a), x[sp.D(a)])])
                if not sp.singleton(a):
                    acc.add_kernel(-n[a] * (n[a] - 1) / two_pi,
                                   [norms[a], None, ("lin", sp.O(a), x[sp.O(a)])])
            else:
                acc.add_kernel(-n[a] * n[b] / two_pi,
                               [norms[a], None, ("lin", sp.C(a, b), x[sp.C(a, b)])])
    acc.val += d / 4 + d * (d - 1) / (2 * two_pi)      # teacher-teacher part
    return acc


def brute_loss(W):
    """1/2 E[(sum relu(w_i.x) - sum relu(e_j.x))^2] from the k x d matrix (self-test only)"""
    k, d = len(W), len(W[0])

    def kern(w, v):
        nw = mpmath.sqrt(mpmath.fsum(t * t for t in w))
        nv = mpmath.sqrt(mpmath.fsum(t * t for t in v))
        c = mpmath.fsum(s * t for s, t in zip(w, v)) / (nw * nv)
        c = max(min(c, mpf(1)), mpf(-1))
        th = mpmath.acos(c)
        return nw * nv / (2 * mp.pi) * (mpmath.sin(th) + (mp.pi - th) * c)

    V = [[mpf(1) if i == j else mpf(0) for j in range(d)] for i in range(d)]
    return (mpmath.fsum(kern(a, b) for a in W for b in W) / 2
            - mpmath.fsum(kern(a, b) for a in W for b in V)
            + mpmath.fsum(kern(a, b) for a in V for b in V) / 2)


# ---------------------------------------------------------------------------------------------
# Embedding d-1,1 -> d-2,1,1 and the standard part of S_{d-1} (DESIGN.md section 3)

SP_C = Space(COARSE)
SP_F = Space(FINE)


def embedding():
    """fine variable index -> coarse variable index: a fine entry carries the coarse entry of
    its parent blocks (matched entries D, other entries of one parent block O, else C)"""
    out = []
    for t, a, b in SP_F.vars:
        A, B = FINE_PARENT[a], FINE_PARENT[b]
        if A == B:
            out.append(SP_C.index[("D", A, A)] if t == "D" else SP_C.index[("O", A, A)])
        else:
            out.append(SP_C.index[("C", A, B)])
    return out


EMB = embedding()


def complement_basis(d):
    """a basis of the M-orthogonal complement of the embedded coarse space in the fine one:
    for each coarse variable, the fine variables carrying it, pairs (-m_k at i0, m_0 at ik)"""
    m = SP_F.counts(d)
    Z = []
    for j in range(SP_C.nv):
        group = [i for i in range(SP_F.nv) if EMB[i] == j]
        for ik in group[1:]:
            z = [mpf(0)] * SP_F.nv
            z[group[0]] = -m[ik]
            z[ik] = m[group[0]]
            Z.append(z)
    return Z, m


def standard_pencil(x, d):
    """(Z^T H Z, Z^T M Z) of the standard part at the coarse point x"""
    xf = [x[EMB[i]] for i in range(SP_F.nv)]
    H = reduced_loss(SP_F, xf, d, 2).hess
    Z, m = complement_basis(d)
    r = len(Z)
    HZ = [[mpmath.fsum(H[i][j] * Z[c][j] for j in range(SP_F.nv)) for c in range(r)]
          for i in range(SP_F.nv)]
    A = mpmath.matrix(r, r)
    B = mpmath.matrix(r, r)
    for c1 in range(r):
        for c2 in range(r):
            A[c1, c2] = mpmath.fsum(Z[c1][i] * HZ[i][c2] for i in range(SP_F.nv))
            B[c1, c2] = mpmath.fsum(Z[c1][i] * m[i] * Z[c2][i] for i in range(SP_F.nv))
    return A, B


def pencil_eigs(A, B):
    """eigenvalues of A v = lambda B v, B positive definite (Cholesky)"""
    L = mpmath.cholesky(B)
    Li = L ** -1
    S = Li * A * Li.T
    S = (S + S.T) / 2
    return sorted(mpmath.eigsy(S, eigvals_only=True))


def standard_eigs(x, d):
    return pencil_eigs(*standard_pencil(x, d))


def standard_det(x, d):
    """product of the standard part's pencil eigenvalues: det(Z^T H Z) / det(Z^T M Z)"""
    A, B = standard_pencil(x, d)
    return mpmath.det(A) / mpmath.det(B)


def trivial_eigs(x, d):
    H = reduced_loss(SP_C, x, d, 2).hess
    m = SP_C.counts(d)
    A = mpmath.matrix(H)
    B = mpmath.diag(m)
    return pencil_eigs(A, B)


# ---------------------------------------------------------------------------------------------
# Newton on grad L = 0, continuation, secant (DESIGN.md section 4)

def newton(x, d, maxit=60):
    """solve grad L(x; d) = 0 for the d-1,1 reduced loss from x, at the current precision"""
    tol = mpf(10) ** (-(mp.dps - 6))
    x = [mpf(t) for t in x]
    for _ in range(maxit):
        acc = reduced_loss(SP_C, x, d, 2)
        step = mpmath.lu_solve(mpmath.matrix(acc.hess), mpmath.matrix(acc.grad))
        x = [x[i] - step[i] for i in range(SP_C.nv)]
        if mpmath.norm(step, mpmath.inf) < tol:
            return x
    raise ArithmeticError(f"Newton did not converge at d = {mpmath.nstr(d, 15)}")


def log(verbose, msg):
    if verbose:
        print(msg, file=sys.stderr, flush=True)


def bracket(verbose):
    """follow the seed from d = 10 towards 5 in steps of 1/4 at 30 digits; return the two
    points (d, x) around the sign change of the standard part's smallest eigenvalue in (5, 6)"""
    with mp.workdps(30):
        h = mpf(1) / 4
        d = mpf(SEED_D)
        x = newton([mpf(s) for s in SEED], d)
        lam = standard_eigs(x, d)[0]
        log(verbose, f"  d = {mpmath.nstr(d, 6):>6}  lambda_min(standard) = {mpmath.nstr(lam, 10)}")
        prev = None
        while d > 5:
            dn = d - h
            guess = x if prev is None else [2 * x[i] - prev[i] for i in range(SP_C.nv)]
            xn = newton(guess, dn)
            ln = standard_eigs(xn, dn)[0]
            log(verbose, f"  d = {mpmath.nstr(dn, 6):>6}  lambda_min(standard) = {mpmath.nstr(ln, 10)}")
            if (ln > 0) != (lam > 0) and 5 <= dn < 6:
                return (dn, xn), (d, x)
            prev, x, d, lam = x, xn, dn, ln
    raise ArithmeticError("no sign change of the standard part's smallest eigenvalue found "
                          "between d = 6 and d = 5")


def illinois(lo, hi, digits, verbose):
    """bracketed secant (Illinois) on the standard determinant to about `digits` digits"""
    (d0, x0), (d1, x1) = lo, hi
    g0, g1 = standard_det(x0, d0), standard_det(x1, d1)
    side = 0
    tol = mpf(10) ** (-digits)
    pts = [(d0, x0), (d1, x1)]
    for _ in range(200):
        d = d1 - g1 * (d1 - d0) / (g1 - g0)
        t = (d - d0) / (d1 - d0)
        x = newton([x0[i] + t * (x1[i] - x0[i]) for i in range(SP_C.nv)], d)
        g = standard_det(x, d)
        pts.append((d, x))
        if abs(d - pts[-2][0]) < tol and len(pts) > 3:
            return pts[-2], pts[-1]
        if (g > 0) == (g1 > 0):
            d1, x1, g1 = d, x, g
            if side == -1:
                g0 /= 2
            side = -1
        else:
            d0, x0, g0 = d1, x1, g1
            d1, x1, g1 = d, x, g
            side = +1
        if abs(d1 - d0) < tol:
            return (d0, x0), (d1, x1)
    raise ArithmeticError("the bracketed secant did not converge")


def secant(start0, start1, verbose):
    """secant in d on the standard determinant at the current precision, Newton in x at each
    d (started from the linear extrapolation of the last two solutions)"""
    (da, xa), (db, xb) = start0, start1
    xa, xb = newton(xa, da), newton(xb, db)
    ga, gb = standard_det(xa, da), standard_det(xb, db)
    tol = mpf(10) ** (-(mp.dps - 8))
    for it in range(100):
        dn = db - gb * (db - da) / (gb - ga)
        t = (dn - db) / (db - da)
        xn = newton([xb[i] + t * (xb[i] - xa[i]) for i in range(SP_C.nv)], dn)
        gn = standard_det(xn, dn)
        step = abs(dn - db)
        log(verbose, f"    secant {it + 1}: |step| = {mpmath.nstr(step, 3)}")
        da, xa, ga, db, xb, gb = db, xb, gb, dn, xn, gn
        # mpmath's det returns exactly 0 when the pencil is singular to working precision:
        # then dn is a root to working precision as well
        if step < tol * abs(dn) or gn == 0:
            return dn, xn
    raise ArithmeticError("the secant in d did not converge")


def locate(digits, seeds, verbose):
    """d* and x* at `digits` working digits, from the two 30-digit points `seeds`"""
    with mp.workdps(digits):
        t0 = time.time()
        s0 = (mpf(seeds[0][0]), [mpf(v) for v in seeds[0][1]])
        s1 = (mpf(seeds[1][0]), [mpf(v) for v in seeds[1][1]])
        d, x = secant(s0, s1, verbose)
        log(verbose, f"  located at {digits} working digits in {time.time() - t0:.2f} s")
        return +d, [+v for v in x]


def fixed(v, n):
    """v rounded to n significant digits, positional notation"""
    t = mpmath.nstr(v, n, min_fixed=-mpmath.inf, max_fixed=mpmath.inf, strip_zeros=False)
    return t[:-1] if t.endswith(".") else t


def agreeing(a, b, n):
    """the largest m <= n with a and b equal when rounded to m significant digits"""
    for m in range(n, 0, -1):
        if fixed(a, m) == fixed(b, m):
            return m
    return 0


def run(n, verbose):
    t_start = time.time()
    guard = 12 + n // 50
    log(verbose, "continuation from d = 10 at 30 digits:")
    lo, hi = bracket(verbose)
    with mp.workdps(30):
        _, (dA, xA) = illinois(lo, hi, 24, verbose)
        log(verbose, f"  30-digit estimate: d* = {mpmath.nstr(dA, 25)}")
        # two distinct starting points for the multiprecision secant
        seeds = ((dA, xA), (dA * (1 + mpf(10) ** -20), xA))
    # two independent locations, the second at `guard` more digits (at least 30 + guard
    # working digits, so that the seeds' 30-digit accuracy and 10^-20 offset are resolved)
    p1 = max(n, 30) + guard
    p2 = p1 + guard
    d1, x1 = locate(p1, seeds, verbose)
    d2, x2 = locate(p2, seeds, verbose)

    # keep the digits on which both precisions agree
    m = min([agreeing(d1, d2, n)] + [agreeing(x1[i], x2[i], n) for i in range(SP_C.nv)])
    with mp.workdps(p2):
        # the determinant (hence the crossing eigenvalue) changes sign across d*
        delta = mpf(10) ** (-n) * d2
        signs = []
        for dd in (d2 - delta, d2 + delta):
            xs = newton(x2, dd)
            signs.append(mpmath.sign(standard_det(xs, dd)))
    with mp.workdps(20):
        lam = standard_eigs(x2, d2)
    log(verbose, f"  standard part at d*: {[mpmath.nstr(v, 8) for v in lam]}")
    log(verbose, f"  det sign at d* -/+ 10^-{n} d*: {signs[0]}, {signs[1]}")
    log(verbose, f"total {time.time() - t_start:.2f} s")

    print(f"d* {fixed(d2, m)}")
    for i in range(SP_C.nv):
        print(f"{SP_C.name(i)} {fixed(x2[i], m)}")
    ok = True
    if m < n:
        print(f"error: the runs at {p1} and {p2} digits agree on only {m} "
              f"digits; printed those", file=sys.stderr)
        ok = False
    if signs[0] == signs[1]:
        print("error: the standard part's determinant does not change sign across d*",
              file=sys.stderr)
        ok = False
    if not (abs(lam[0]) < mpf(10) ** -10 and lam[1] > mpf(10) ** -4):
        print("error: at d* the crossing eigenvalue is not the only small one of the part",
              file=sys.stderr)
        ok = False
    return 0 if ok else 1


# ---------------------------------------------------------------------------------------------
# Self-test of the closed forms

def self_test():
    fails = 0

    def check(what, err, tol):
        nonlocal fails
        status = "ok " if err <= tol else "FAIL"
        fails += err > tol
        print(f"{status} {what}: {mpmath.nstr(err, 3)} (tol {mpmath.nstr(tol, 2)})")

    with mp.workdps(40):
        # 1. gradient and Hessian against mpmath.diff, coarse and fine, at real d, off-critical
        for sp, d, x in [(SP_C, mpf("5.37"), ["0.97", "-0.06", "0.33", "0.25", "-0.59"]),
                         (SP_C, mpf("8.9"), ["1.1", "0.2", "-0.4", "0.3", "0.7"]),
                         (SP_F, mpf("5.61"), ["0.9", "-0.05", "0.1", "0.3", "-0.07", "1.02",
                                              "0.36", "0.2", "0.27", "-0.6"])]:
            x = [mpf(v) for v in x]
            acc = reduced_loss(sp, x, d, 2)

            def L(*y):
                return reduced_loss(sp, list(y), d, 0).val
            with mp.workdps(60):
                eg = max(abs(acc.grad[i] - mpmath.diff(L, x, tuple(int(i == j) for j in range(sp.nv))))
                         for i in range(sp.nv))
                eh = mpf(0)
                for i in range(sp.nv):
                    for j in range(i, sp.nv):
                        o = [0] * sp.nv
                        o[i] += 1
                        o[j] += 1
                        eh = max(eh, abs(acc.hess[i][j] - mpmath.diff(L, x, tuple(o))))
            check(f"{len(sp.spec)}-block gradient vs mpmath.diff at d = {d}", eg, mpf(10) ** -30)
            check(f"{len(sp.spec)}-block Hessian vs mpmath.diff at d = {d}", eh, mpf(10) ** -25)
            check(f"{len(sp.spec)}-block Hessian symmetric", max(abs(acc.hess[i][j] - acc.hess[j][i])
                  for i in range(sp.nv) for j in range(sp.nv)), mpf(10) ** -35)

        # 2. reduced losses against the brute-force k x d sum at integer d
        xc = [mpf(v) for v in ["0.97", "-0.06", "0.33", "0.25", "-0.59"]]
        xf = [mpf(v) for v in ["0.9", "-0.05", "0.1", "0.3", "-0.07", "1.02", "0.36", "0.2",
                               "0.27", "-0.6"]]
        for d in (5, 6, 7):
            for sp, x in ((SP_C, xc), (SP_F, xf)):
                e = abs(reduced_loss(sp, x, mpf(d), 0).val - brute_loss(sp.matrix(x, d)))
                check(f"{len(sp.spec)}-block reduced loss vs brute force at d = {d}", e, mpf(10) ** -35)

        # 3. the embedding: L_fine(E x) = L_coarse(x), E^T grad_f = grad_c, E^T H_f E = H_c
        d = mpf("5.9")
        ac = reduced_loss(SP_C, xc, d, 2)
        af = reduced_loss(SP_F, [xc[EMB[i]] for i in range(SP_F.nv)], d, 2)
        eg = max(abs(ac.grad[j] - mpmath.fsum(af.grad[i] for i in range(SP_F.nv) if EMB[i] == j))
                 for j in range(SP_C.nv))
        eh = max(abs(ac.hess[j][l] - mpmath.fsum(af.hess[i][k] for i in range(SP_F.nv)
                                                  for k in range(SP_F.nv) if EMB[i] == j and EMB[k] == l))
                 for j in range(SP_C.nv) for l in range(SP_C.nv))
        check("embedding d-1,1 -> d-2,1,1: loss", abs(ac.val - af.val), mpf(10) ** -35)
        check("embedding: gradient", eg, mpf(10) ** -35)
        check("embedding: Hessian", eh, mpf(10) ** -35)

        # 4. DESIGN.md section 3's worked example at d = 10
        d = mpf(10)
        x = newton([mpf(s) for s in SEED], d)
        ref = [mpf(v) for v in ["1.0043548232623239", "-0.015811925805753115",
                                "0.18236775578871976", "0.12604236084341795",
                                "-0.69903681749379454"]]
        check("critical point at d = 10 vs DESIGN.md", max(abs(x[i] - ref[i]) for i in range(5)),
              mpf(10) ** -15)
        check("loss at d = 10 vs DESIGN.md",
              abs(reduced_loss(SP_C, x, d, 0).val - mpf("0.018702194585606973")), mpf(10) ** -16)
        tr = [mpf(v) for v in ["0.0790933061", "0.2161655617", "1.4540878174", "2.6579457544",
                               "3.0963561786"]]
        st = [mpf(v) for v in ["0.0319640276", "0.0851862571", "0.2392150843", "0.3637405953",
                               "2.6995430778"]]
        check("trivial part at d = 10 vs DESIGN.md",
              max(abs(a - b) for a, b in zip(trivial_eigs(x, d), tr)), mpf(10) ** -9)
        check("standard part at d = 10 vs DESIGN.md",
              max(abs(a - b) for a, b in zip(standard_eigs(x, d), st)), mpf(10) ** -9)
        A, B = standard_pencil(x, d)
        check("standard determinant = product of eigenvalues",
              abs(mpmath.det(A) / mpmath.det(B) - mpmath.fprod(standard_eigs(x, d))), mpf(10) ** -30)
    print("self-test:", "all passed" if not fails else f"{fails} FAILED")
    return 1 if fails else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog="See the header of this file for the mathematics.")
    ap.add_argument("--digits", default="40", help="decimal digits of d* to print (default 40)")
    ap.add_argument("--verbose", action="store_true", help="progress on stderr")
    ap.add_argument("--self-test", action="store_true",
                    help="check the closed-form derivatives and the reduced losses, then exit")
    a = ap.parse_args()
    if a.self_test:
        return self_test()
    try:
        n = int(a.digits)
    except ValueError:
        ap.error(f"--digits expects a positive integer, got '{a.digits}'")
    if n < 1:
        ap.error(f"--digits expects a positive integer, got {n}")
    if n > 100000:
        ap.error(f"--digits {n} is more than this script is meant for (at most 100000)")
    try:
        return run(n, a.verbose)
    except (ArithmeticError, ZeroDivisionError) as e:
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
