"""Zero-repeat plans by construction, for g tables of p seats when g is a prime power, p <= g.

A resolvable transversal design over the finite field GF(g): person (i, a), with i < p and a in
GF(g), sits in round b at table a - b * c_i, for p distinct field elements c_i. Two people with
different i meet in exactly one round (b * (c_j - c_i) = a' - a has one solution) and people with
the same i never meet, so when p divides g one more round seats each "column" i at g / p tables
of its own. That gives g (+1) rounds without a repeat, e.g. 8 tables of 4 for 9 rounds, which
plain local search finds hard (research/seating.md §2, "Constructions").

One more plan is stored as data: 8 tables of 4 for 10 rounds (`GDD_8_4_10`), which no field
construction reaches and the search rarely solves in time.
"""

from __future__ import annotations

from functools import cache

# A resolvable 4-GDD of type 2^16 (Aguado 2004 showed one exists): 32 people, 10 rounds of 8
# tables of 4; people 8k + i and 8k + i + 8 (k = 0, 2; i < 8) never meet, every other pair meets
# exactly once. Row = round, character = table of person 0 .. 31. Found by
# tools/seating_gdd_search.py (`--sat --stab8 Z4xZ4`, a few seconds): it assumes Z4 x Z4 acting
# on two copies of itself maps the plan onto itself (each round fixed or swapped with one other)
# and solves the resulting exact cover of pair orbits with a SAT solver.
GDD_8_4_10 = (
    "00001111222233334567745667455674",
    "01231230230130124545676754547676",
    "01234567745612301230674545673012",
    "01233012456774562301012367454567",
    "01232301456767453012674574562301",
    "01234567674523016745745601231230",
    "01234153465706276776220013315544",
    "01230425647561737766133122004554",
    "01234567103276544163406270527153",
    "01234567321054760527351734160426",
)
_STORED = {(8, 4): GDD_8_4_10}
# Two people who never meet in the stored plan: empty seats go there, so no table loses two.
STORED_APART = {(8, 4): (0, 8)}


def design_rounds(tables: int, size: int) -> int:
    """How many zero-repeat rounds `design_plan` builds for these dimensions (0 if none)."""
    stored = len(_STORED.get((tables, size), ()))
    return max(stored, field_rounds(tables, size))


def field_rounds(tables: int, size: int) -> int:
    """Zero-repeat rounds of the GF(tables) construction, whose first column never moves."""
    if size < 2 or size > tables or _field(tables) is None:
        return 0
    return tables + (1 if tables % size == 0 else 0)


def design_plan(tables: int, size: int, rounds: int) -> list[list[int]]:
    """plan[round][person] = table, for persons 0 .. tables * size - 1; rounds <= design_rounds.

    Up to `field_rounds` rounds come from the field construction (so person i < tables, its first
    column, keeps one table); more rounds come from a stored plan, where nobody keeps a table.
    """
    if rounds > design_rounds(tables, size):
        raise ValueError(f"no design for {rounds} rounds at {tables} tables of {size}")
    if rounds > field_rounds(tables, size):
        return [[int(t) for t in row] for row in _STORED[(tables, size)][:rounds]]
    field = _field(tables)
    if field is None:
        raise ValueError(f"no design for {rounds} rounds at {tables} tables of {size}")
    add, multiply = field
    negate = [next(b for b in range(tables) if add[a][b] == 0) for a in range(tables)]
    plan = []
    for b in range(min(rounds, tables)):
        plan.append(
            [add[a][negate[multiply[b][column]]] for column in range(size) for a in range(tables)]
        )
    if rounds > tables:
        per_column = tables // size
        plan.append(
            [column * per_column + a // size for column in range(size) for a in range(tables)]
        )
    return plan


@cache
def _field(order: int) -> tuple[list[list[int]], list[list[int]]] | None:
    """Addition and multiplication tables of GF(order), or None if order is no prime power."""
    prime = next((p for p in range(2, order + 1) if order % p == 0), None)
    if prime is None:
        return None
    degree, rest = 0, order
    while rest % prime == 0:
        rest //= prime
        degree += 1
    if rest != 1:
        return None
    modulus = _primitive_polynomial(prime, degree)
    elements = [_digits(value, prime, degree) for value in range(order)]
    add = [
        [_number([(x + y) % prime for x, y in zip(a, b, strict=True)], prime) for b in elements]
        for a in elements
    ]
    multiply = [
        [_number(_multiply(a, b, modulus, prime), prime) for b in elements] for a in elements
    ]
    return add, multiply


def _digits(value: int, prime: int, degree: int) -> list[int]:
    """Coefficients of the polynomial for `value`, lowest power first."""
    return [(value // prime**k) % prime for k in range(degree)]


def _number(coefficients: list[int], prime: int) -> int:
    return sum(c * prime**k for k, c in enumerate(coefficients))


def _multiply(a: list[int], b: list[int], modulus: list[int], prime: int) -> list[int]:
    """a * b modulo the monic `modulus` (lowest power first, leading 1 left out)."""
    degree = len(a)
    product = [0] * (2 * degree)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            product[i + j] = (product[i + j] + x * y) % prime
    for power in range(2 * degree - 1, degree - 1, -1):
        carry = product[power]
        product[power] = 0
        for k, m in enumerate(modulus):  # x^degree = -(modulus)
            product[power - degree + k] = (product[power - degree + k] - carry * m) % prime
    return product[:degree]


def _primitive_polynomial(prime: int, degree: int) -> list[int]:
    """A monic polynomial whose root x generates all nonzero elements (so it is irreducible)."""
    order = prime**degree
    for value in range(order):
        modulus = _digits(value, prime, degree)
        if degree > 1 and modulus[0] == 0:
            continue
        x = _digits(prime if degree > 1 else (-modulus[0]) % prime, prime, degree)
        power, seen = x, 1
        while power != _digits(1, prime, degree) and seen < order:
            power = _multiply(power, x, modulus, prime)
            seen += 1
        if seen == order - 1:
            return modulus
    raise AssertionError(f"no primitive polynomial of degree {degree} over GF({prime})")
