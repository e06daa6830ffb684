"""Shared per-document look decisions."""
from dm_model import fnum, code_print, combined_variant, PILLARS, cycle_title, grand_total, pillar_total


class Look:
    def __init__(self, m, rng, code_styles=("dot",), num_styles=("int",), na_words=None):
        self.m = m
        self.rng = rng
        self.code_style = rng.choice(code_styles)
        self.num = rng.choice(num_styles)
        self.na = rng.choice(na_words or ["Not assessed", "NA", "N/A", "Not Assessed", "Not evaluated"])
        self.combo = None
        for i in m["inds"]:
            if "&" in i["code"]:
                self.combo = combined_variant(i["code"], self.code_style, rng.choice)

    def code(self, i):
        if "&" in i["code"]:
            return self.combo
        return code_print(i["code"], self.code_style)

    def n(self, x):
        return fnum(x, self.num)

    def s(self, i):
        """score as printed (or NA word)"""
        return self.na if i["score"] is None else self.n(i["score"])

    def mx(self, i):
        return fnum(i["max"], self.num if self.num != "dec2" else "int")

    def frac(self, i, sep="/"):
        return f"{self.s(i)}{sep}{self.mx(i)}"

    def na_legend(self):
        if self.na in ("NA", "N/A"):
            return f"{self.na} = not assessed; the maximum marks are shown for information and are not counted."
        return None

    def total_str(self):
        return self.n(grand_total(self.m))

    def ptotal(self, p):
        return self.n(pillar_total(self.m, p))

    @property
    def any_na(self):
        return any(i["score"] is None for i in self.m["inds"])


def by_pillar(m):
    out = {}
    for i in m["inds"]:
        out.setdefault(i["pillar"], []).append(i)
    return out


def pct(i):
    if i["score"] is None:
        return None
    v = 100.0 * i["score"] / i["max"]
    return v


def pct_str(i, dec=0):
    v = pct(i)
    if v is None:
        return ""
    return f"{v:.{dec}f}%"


def exact_pct(i):
    """Percentage string that reproduces the score exactly (<=1 decimal) or None."""
    v = pct(i)
    if v is None or i["score"] == 0:
        return None
    for dec in (0, 1):
        s = round(v, dec)
        if abs(round_half_back(s, i["max"]) - i["score"]) < 1e-9 and abs(s - v) < 1e-9:
            return f"{s:.{dec}f}%" if dec else f"{int(s)}%"
    return None


def round_half_back(p, mx):
    return round(p * mx / 100 * 2) / 2


def city_line_options(m, L):
    st = m["state_p"]
    return st


def ordered(m, rng, shuffle_prob=0.0):
    """print order of indicators; optional within-pillar shuffles."""
    bp = by_pillar(m)
    out = []
    for p in sorted(bp):
        lst = list(bp[p])
        if rng.random() < shuffle_prob and len(lst) > 2:
            k = rng.randrange(len(lst) - 1)
            lst[k], lst[k + 1] = lst[k + 1], lst[k]
        out.extend(lst)
    return out
