/* stdlib_re.c — the re module as model code uses it on names and configuration strings
 * (tsai's `re.sub(r'(?:^|_)([a-z])', lambda x: x.group(1).upper(), name)`, a depth read with
 * `re.findall(r'\d+', arch)`): sub, subn, match, search, fullmatch, findall, split, compile and
 * their Pattern and Match objects, written (below) in the Python that cnnc reads over one
 * native matcher, _cnnc_re_exec. The matcher is a backtracking machine over the syntax code
 * uses: literals and escapes (\d \w \s and their negations, \b \B \A \Z), '.', classes with
 * ranges, groups (capturing and (?:...)), alternation, ^ and $, and greedy and lazy
 * quantifiers (* + ? {m} {m,} {m,n}), with the flags IGNORECASE, MULTILINE and DOTALL. What it
 * does not follow is refused, never guessed: other syntax (look-around, back-references,
 * named groups), a pattern Python would reject, a repeat of what can match empty, text
 * outside ASCII, or a match past a step bound. Loaded on first `import re`. */
#include "py/interp.h"

#include <stdlib.h>
#include <string.h>

static const char re_py[] =
    "IGNORECASE = I = 2\n"
    "MULTILINE = M = 8\n"
    "DOTALL = S = 16\n"
    "\n"
    "\n"
    "class Match:\n"
    "    def __init__(self, string, spans, pattern, pos):\n"
    "        self.string = string\n"
    "        self._spans = spans\n"
    "        self.re = pattern\n"
    "        self.pos = pos\n"
    "        self.lastindex = None\n"
    "        for k in range(1, len(spans)):\n"
    "            if spans[k] is not None and (self.lastindex is None or spans[k][1] >= spans[self.lastindex][1]):\n"
    "                self.lastindex = k\n"
    "\n"
    "    def _span(self, g):\n"
    "        if not isinstance(g, int) or g < 0 or g >= len(self._spans):\n"
    "            raise IndexError('no such group')\n"
    "        return self._spans[g]\n"
    "\n"
    "    def _text(self, g, default=None):\n"
    "        s = self._span(g)\n"
    "        return default if s is None else self.string[s[0]:s[1]]\n"
    "\n"
    "    def group(self, *groups):\n"
    "        if not groups:\n"
    "            return self._text(0)\n"
    "        if len(groups) == 1:\n"
    "            return self._text(groups[0])\n"
    "        return tuple(self._text(g) for g in groups)\n"
    "\n"
    "    def __getitem__(self, g):\n"
    "        return self._text(g)\n"
    "\n"
    "    def groups(self, default=None):\n"
    "        return tuple(self._text(g, default) for g in range(1, len(self._spans)))\n"
    "\n"
    "    def start(self, group=0):\n"
    "        s = self._span(group)\n"
    "        return -1 if s is None else s[0]\n"
    "\n"
    "    def end(self, group=0):\n"
    "        s = self._span(group)\n"
    "        return -1 if s is None else s[1]\n"
    "\n"
    "    def span(self, group=0):\n"
    "        s = self._span(group)\n"
    "        return (-1, -1) if s is None else s\n"
    "\n"
    "    def expand(self, template):\n"
    "        return _expand(self, template)\n"
    "\n"
    "\n"
    "def _expand(m, template):\n"
    "    out = []\n"
    "    i = 0\n"
    "    n = len(template)\n"
    "    while i < n:\n"
    "        c = template[i]\n"
    "        if c != '\\\\' or i + 1 == n:\n"
    "            out.append(c)\n"
    "            i += 1\n"
    "            continue\n"
    "        d = template[i + 1]\n"
    "        if d.isdigit():\n"
    "            j = i + 1\n"
    "            while j < n and j < i + 3 and template[j].isdigit():\n"
    "                j += 1\n"
    "            out.append(m.group(int(template[i + 1:j])) or '')\n"
    "            i = j\n"
    "        elif d == 'g' and i + 2 < n and template[i + 2] == '<' and '>' in template[i + 3:]:\n"
    "            j = template.index('>', i + 3)\n"
    "            name = template[i + 3:j]\n"
    "            if not name.isdigit():\n"
    "                _cnnc_refuse('cnnc cannot follow a named group in a re replacement')\n"
    "            out.append(m.group(int(name)) or '')\n"
    "            i = j + 1\n"
    "        elif d in 'nt\\\\':\n"
    "            out.append({'n': '\\n', 't': '\\t', '\\\\': '\\\\'}[d])\n"
    "            i += 2\n"
    "        else:\n"
    "            _cnnc_refuse('cnnc cannot follow this escape in a re replacement')\n"
    "    return ''.join(out)\n"
    "\n"
    "\n"
    "class Pattern:\n"
    "    def __init__(self, pattern, flags):\n"
    "        if not isinstance(pattern, str):\n"
    "            _cnnc_refuse('cnnc follows re patterns that are str')\n"
    "        self.pattern = pattern\n"
    "        self.flags = flags\n"
    "        self.groups = _cnnc_re_groups(pattern, flags)\n"
    "\n"
    "    def _exec(self, string, pos, mode):\n"
    "        if not isinstance(string, str):\n"
    "            raise TypeError('expected string or bytes-like object')\n"
    "        spans = _cnnc_re_exec(self.pattern, self.flags, string, pos, mode)\n"
    "        return None if spans is None else Match(string, spans, self, pos)\n"
    "\n"
    "    def search(self, string, pos=0):\n"
    "        return self._exec(string, pos, 0)\n"
    "\n"
    "    def match(self, string, pos=0):\n"
    "        return self._exec(string, pos, 1)\n"
    "\n"
    "    def fullmatch(self, string, pos=0):\n"
    "        return self._exec(string, pos, 2)\n"
    "\n"
    "    def _matches(self, string, count):\n"
    "        found = []\n"
    "        pos = 0\n"
    "        while pos <= len(string) and (count == 0 or len(found) < count):\n"
    "            m = self._exec(string, pos, 0)\n"
    "            if m is None:\n"
    "                break\n"
    "            found.append(m)\n"
    "            pos = m.end() if m.end() > m.start() else m.end() + 1\n"
    "        return found\n"
    "\n"
    "    def subn(self, repl, string, count=0):\n"
    "        out = []\n"
    "        last = 0\n"
    "        found = self._matches(string, count)\n"
    "        for m in found:\n"
    "            out.append(string[last:m.start()])\n"
    "            out.append(repl(m) if callable(repl) else _expand(m, repl))\n"
    "            last = m.end()\n"
    "        out.append(string[last:])\n"
    "        return ''.join(out), len(found)\n"
    "\n"
    "    def sub(self, repl, string, count=0):\n"
    "        return self.subn(repl, string, count)[0]\n"
    "\n"
    "    def findall(self, string, pos=0):\n"
    "        out = []\n"
    "        for m in self._matches(string[pos:] if pos else string, 0):\n"
    "            if self.groups == 0:\n"
    "                out.append(m.group())\n"
    "            elif self.groups == 1:\n"
    "                out.append(m.group(1) or '')\n"
    "            else:\n"
    "                out.append(m.groups(''))\n"
    "        return out\n"
    "\n"
    "    def finditer(self, string, pos=0):\n"
    "        return iter(self._matches(string, 0))\n"
    "\n"
    "    def split(self, string, maxsplit=0):\n"
    "        out = []\n"
    "        last = 0\n"
    "        for m in self._matches(string, maxsplit):\n"
    "            out.append(string[last:m.start()])\n"
    "            out.extend(m.groups())\n"
    "            last = m.end()\n"
    "        out.append(string[last:])\n"
    "        return out\n"
    "\n"
    "\n"
    "def compile(pattern, flags=0):\n"
    "    if isinstance(pattern, Pattern):\n"
    "        return pattern\n"
    "    return Pattern(pattern, flags)\n"
    "\n"
    "\n"
    "def search(pattern, string, flags=0):\n"
    "    return compile(pattern, flags).search(string)\n"
    "\n"
    "\n"
    "def match(pattern, string, flags=0):\n"
    "    return compile(pattern, flags).match(string)\n"
    "\n"
    "\n"
    "def fullmatch(pattern, string, flags=0):\n"
    "    return compile(pattern, flags).fullmatch(string)\n"
    "\n"
    "\n"
    "def sub(pattern, repl, string, count=0, flags=0):\n"
    "    return compile(pattern, flags).sub(repl, string, count)\n"
    "\n"
    "\n"
    "def subn(pattern, repl, string, count=0, flags=0):\n"
    "    return compile(pattern, flags).subn(repl, string, count)\n"
    "\n"
    "\n"
    "def findall(pattern, string, flags=0):\n"
    "    return compile(pattern, flags).findall(string)\n"
    "\n"
    "\n"
    "def finditer(pattern, string, flags=0):\n"
    "    return compile(pattern, flags).finditer(string)\n"
    "\n"
    "\n"
    "def split(pattern, string, maxsplit=0, flags=0):\n"
    "    return compile(pattern, flags).split(string, maxsplit)\n";

/* ---------------------------------------------------------------- the matcher */

enum { RE_I = 2, RE_M = 8, RE_S = 16 };
enum { MAX_GROUPS = 32, MAX_CODE = 4096, MAX_NODES = 2048, MAX_STEPS = 2000000, MAX_STACK = 100000 };

/* the syntax tree */
typedef enum { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_CAT, N_ALT, N_GROUP, N_REPEAT, N_BOL, N_EOL, N_WORDB, N_NWORDB, N_SOS, N_EOS } node_kind;
typedef struct re_node {
    node_kind kind;
    int c;                     /* CHAR */
    int cls;                   /* CLASS: index into the sets */
    int group;                 /* GROUP: its number (-1: (?:...)) */
    int min, max, greedy;      /* REPEAT (max -1: unbounded) */
    int a, b;                  /* CAT, ALT: left and right; GROUP, REPEAT: a is the child */
} re_node;

/* the program */
typedef enum { I_CHAR, I_ANY, I_ANYNL, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_MATCH, I_BOL, I_EOL, I_BOLM, I_EOLM, I_WORDB, I_NWORDB, I_SOS, I_EOS } op_kind;
typedef struct { op_kind op; int x, y; } re_inst;

typedef struct {
    const char *p;
    int len, at, flags, n_groups;
    re_node nodes[MAX_NODES];
    int n_nodes;
    unsigned char sets[256][32];   /* 256-bit sets */
    int n_sets;
    re_inst code[MAX_CODE];
    int n_code;
    int bad;                   /* 1: refused */
} re_prog;

static int new_node(re_prog *r, node_kind k) {
    if (r->n_nodes >= MAX_NODES) { r->bad = 1; return 0; }
    memset(&r->nodes[r->n_nodes], 0, sizeof r->nodes[0]);
    r->nodes[r->n_nodes].kind = k;
    return r->n_nodes++;
}

static void set_add(unsigned char *s, int c) { s[c >> 3] |= (unsigned char)(1u << (c & 7)); }
static int set_has(const unsigned char *s, int c) { return (s[c >> 3] >> (c & 7)) & 1; }
static int is_word(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }
static int is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

/* \d \w \s (and capitals) into s; 0 for another escape */
static int class_escape(unsigned char *s, int e) {
    int neg = e >= 'A' && e <= 'Z';
    int k = lower(e);
    if (k != 'd' && k != 'w' && k != 's') return 0;
    for (int c = 0; c < 128; c++) {
        int in = k == 'd' ? (c >= '0' && c <= '9') : k == 'w' ? is_word(c) : is_space(c);
        if (in != neg) set_add(s, c);
    }
    return 1;
}

/* a literal escape's character, or -1 */
static int literal_escape(int e) {
    switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'a': return '\a';
    default: break;
    }
    if (is_word(e)) return -1;   /* \1, \x41, \p ...: not followed */
    return e;                    /* \. \\ \- \( ... */
}

static int parse_alt(re_prog *r);

static int new_set(re_prog *r) {
    if (r->n_sets >= 256) { r->bad = 1; return 0; }
    memset(r->sets[r->n_sets], 0, 32);
    return r->n_sets++;
}

static int parse_class(re_prog *r) {
    int id = new_set(r);
    unsigned char *s = r->sets[id];
    int neg = 0, first = 1;
    if (r->at < r->len && r->p[r->at] == '^') { neg = 1; r->at++; }
    for (;;) {
        if (r->at >= r->len) { r->bad = 1; return 0; }   /* unterminated: Python's re.error */
        int c = (unsigned char)r->p[r->at];
        if (c == ']' && !first) { r->at++; break; }
        first = 0;
        r->at++;
        if (c == '\\') {
            if (r->at >= r->len) { r->bad = 1; return 0; }
            int e = (unsigned char)r->p[r->at++];
            if (class_escape(s, e)) continue;
            if (e == 'b') c = '\b';
            else if ((c = literal_escape(e)) < 0) { r->bad = 1; return 0; }
        } else if (c == '[' && r->at < r->len && (r->p[r->at] == ':' || r->p[r->at] == '=' || r->p[r->at] == '.')) {
            r->bad = 1;   /* Python warns of a possible set syntax */
            return 0;
        }
        int hi = c;
        if (r->at + 1 < r->len && r->p[r->at] == '-' && r->p[r->at + 1] != ']') {
            r->at++;
            hi = (unsigned char)r->p[r->at++];
            if (hi == '\\') {
                if (r->at >= r->len) { r->bad = 1; return 0; }
                if ((hi = literal_escape((unsigned char)r->p[r->at++])) < 0) { r->bad = 1; return 0; }
            }
            if (hi < c) { r->bad = 1; return 0; }   /* a bad range: re.error */
        }
        for (int k = c; k <= hi; k++) {
            set_add(s, k);
            if (r->flags & RE_I) { set_add(s, lower(k)); set_add(s, upper(k)); }
        }
    }
    if (neg)
        for (int k = 0; k < 32; k++) s[k] = (unsigned char)~s[k];
    int n = new_node(r, N_CLASS);
    r->nodes[n].cls = id;
    return n;
}

static int parse_atom(re_prog *r) {
    int c = (unsigned char)r->p[r->at++];
    int n;
    switch (c) {
    case '.': return new_node(r, N_ANY);
    case '^': return new_node(r, N_BOL);
    case '$': return new_node(r, N_EOL);
    case '[': return parse_class(r);
    case '(': {
        int group = -1;
        if (r->at < r->len && r->p[r->at] == '?') {
            if (r->at + 1 < r->len && r->p[r->at + 1] == ':') r->at += 2;
            else { r->bad = 1; return 0; }   /* look-around, named groups, inline flags */
        } else {
            if (++r->n_groups >= MAX_GROUPS) { r->bad = 1; return 0; }
            group = r->n_groups;
        }
        int child = parse_alt(r);
        if (r->bad || r->at >= r->len || r->p[r->at] != ')') { r->bad = 1; return 0; }
        r->at++;
        n = new_node(r, N_GROUP);
        r->nodes[n].group = group;
        r->nodes[n].a = child;
        return n;
    }
    case '\\': {
        if (r->at >= r->len) { r->bad = 1; return 0; }
        int e = (unsigned char)r->p[r->at++];
        if (e == 'b') return new_node(r, N_WORDB);
        if (e == 'B') return new_node(r, N_NWORDB);
        if (e == 'A') return new_node(r, N_SOS);
        if (e == 'Z') return new_node(r, N_EOS);
        unsigned char set[32] = {0};
        if (class_escape(set, e)) {
            const int id = new_set(r);
            memcpy(r->sets[id], set, sizeof set);
            n = new_node(r, N_CLASS);
            r->nodes[n].cls = id;
            return n;
        }
        if ((c = literal_escape(e)) < 0) { r->bad = 1; return 0; }
        break;
    }
    case '*': case '+': case '?': case ')': case '|':
        r->bad = 1;   /* nothing to repeat, or an unbalanced parenthesis */
        return 0;
    default: break;
    }
    n = new_node(r, N_CHAR);
    r->nodes[n].c = c;
    return n;
}

static int parse_int(re_prog *r, int *out) {
    int v = 0, any = 0;
    while (r->at < r->len && r->p[r->at] >= '0' && r->p[r->at] <= '9') {   /* every digit read; the value saturates */
        if (v < 1000000) v = v * 10 + (r->p[r->at] - '0');
        r->at++;
        any = 1;
    }
    *out = v;
    return any;
}

static int parse_repeat(re_prog *r) {
    int atom = parse_atom(r);
    while (!r->bad && r->at < r->len) {
        int c = r->p[r->at], lo, hi;
        if (c == '*') { lo = 0; hi = -1; r->at++; }
        else if (c == '+') { lo = 1; hi = -1; r->at++; }
        else if (c == '?') { lo = 0; hi = 1; r->at++; }
        else if (c == '{') {   /* {m}, {m,}, {,n}, {m,n}, {,}; any other '{' is a literal, as sre_parse reads it */
            int save = r->at++;
            const int has_lo = parse_int(r, &lo);
            hi = lo;
            if (r->at < r->len && r->p[r->at] == ',') {
                r->at++;
                if (!parse_int(r, &hi)) hi = -1;
            } else if (!has_lo) {
                r->at = save;
                break;
            }
            if (r->at >= r->len || r->p[r->at] != '}') { r->at = save; break; }
            r->at++;
            if (hi >= 0 && hi < lo) { r->bad = 1; return 0; }
            if (lo > 1000 || hi > 1000) { r->bad = 1; return 0; }
        } else break;
        if (r->nodes[atom].kind == N_REPEAT || r->nodes[atom].kind == N_BOL || r->nodes[atom].kind == N_EOL) {
            r->bad = 1;   /* a multiple repeat, or lazy/possessive forms after a repeat's '?' handled below */
            return 0;
        }
        int greedy = 1;
        if (r->at < r->len && r->p[r->at] == '?') { greedy = 0; r->at++; }
        else if (r->at < r->len && r->p[r->at] == '+') { r->bad = 1; return 0; }   /* possessive (3.11) */
        int n = new_node(r, N_REPEAT);
        r->nodes[n].a = atom;
        r->nodes[n].min = lo;
        r->nodes[n].max = hi;
        r->nodes[n].greedy = greedy;
        atom = n;
    }
    return atom;
}

static int parse_cat(re_prog *r) {
    int left = new_node(r, N_EMPTY);
    while (!r->bad && r->at < r->len && r->p[r->at] != '|' && r->p[r->at] != ')') {
        int right = parse_repeat(r);
        int n = new_node(r, N_CAT);
        r->nodes[n].a = left;
        r->nodes[n].b = right;
        left = n;
    }
    return left;
}

static int parse_alt(re_prog *r) {
    int left = parse_cat(r);
    while (!r->bad && r->at < r->len && r->p[r->at] == '|') {
        r->at++;
        int right = parse_cat(r);
        int n = new_node(r, N_ALT);
        r->nodes[n].a = left;
        r->nodes[n].b = right;
        left = n;
    }
    return left;
}

/* can node n match the empty string? (a loop over one would not end) */
static int nullable(const re_prog *r, int n) {
    const re_node *x = &r->nodes[n];
    switch (x->kind) {
    case N_CHAR: case N_ANY: case N_CLASS: return 0;
    case N_CAT: return nullable(r, x->a) && nullable(r, x->b);
    case N_ALT: return nullable(r, x->a) || nullable(r, x->b);
    case N_GROUP: return nullable(r, x->a);
    case N_REPEAT: return x->min == 0 || nullable(r, x->a);
    default: return 1;
    }
}

static int emit(re_prog *r, op_kind op, int x, int y) {
    if (r->n_code >= MAX_CODE) { r->bad = 1; return 0; }
    r->code[r->n_code] = (re_inst){op, x, y};
    return r->n_code++;
}

static void gen(re_prog *r, int n) {
    if (r->bad) return;
    const re_node *x = &r->nodes[n];
    switch (x->kind) {
    case N_EMPTY: return;
    case N_CHAR:
        if ((r->flags & RE_I) && lower(x->c) != upper(x->c)) {
            int id = new_set(r);
            set_add(r->sets[id], lower(x->c));
            set_add(r->sets[id], upper(x->c));
            emit(r, I_CLASS, id, 0);
        } else {
            emit(r, I_CHAR, x->c, 0);
        }
        return;
    case N_ANY: emit(r, (r->flags & RE_S) ? I_ANYNL : I_ANY, 0, 0); return;
    case N_CLASS: emit(r, I_CLASS, x->cls, 0); return;
    case N_BOL: emit(r, (r->flags & RE_M) ? I_BOLM : I_BOL, 0, 0); return;
    case N_EOL: emit(r, (r->flags & RE_M) ? I_EOLM : I_EOL, 0, 0); return;
    case N_WORDB: emit(r, I_WORDB, 0, 0); return;
    case N_NWORDB: emit(r, I_NWORDB, 0, 0); return;
    case N_SOS: emit(r, I_SOS, 0, 0); return;
    case N_EOS: emit(r, I_EOS, 0, 0); return;
    case N_CAT: gen(r, x->a); gen(r, x->b); return;
    case N_ALT: {
        int split = emit(r, I_SPLIT, 0, 0);
        r->code[split].x = r->n_code;
        gen(r, x->a);
        int jmp = emit(r, I_JMP, 0, 0);
        r->code[split].y = r->n_code;
        gen(r, x->b);
        r->code[jmp].x = r->n_code;
        return;
    }
    case N_GROUP:
        if (x->group >= 0) emit(r, I_SAVE, 2 * x->group, 0);
        gen(r, x->a);
        if (x->group >= 0) emit(r, I_SAVE, 2 * x->group + 1, 0);
        return;
    case N_REPEAT: {
        const int child = x->a, greedy = x->greedy;
        if (x->max < 0 && nullable(r, child)) { r->bad = 1; return; }   /* Python stops an empty loop: not followed */
        for (int k = 0; k < x->min; k++) gen(r, child);
        if (x->max < 0) {
            int split = emit(r, I_SPLIT, 0, 0);
            gen(r, child);
            emit(r, I_JMP, split, 0);
            if (greedy) { r->code[split].x = split + 1; r->code[split].y = r->n_code; }
            else { r->code[split].x = r->n_code; r->code[split].y = split + 1; }
            return;
        }
        /* each optional copy's SPLIT, chained through y until the end is known (no array on
         * the stack: gen recurses as deep as the pattern nests) */
        int last = -1;
        for (int k = x->min; k < x->max && !r->bad; k++) {
            const int split = emit(r, I_SPLIT, 0, last);
            gen(r, child);
            last = split;
        }
        while (last >= 0 && !r->bad) {
            const int prev = r->code[last].y;
            if (greedy) { r->code[last].x = last + 1; r->code[last].y = r->n_code; }
            else { r->code[last].x = r->n_code; r->code[last].y = last + 1; }
            last = prev;
        }
        return;
    }
    }
}

/* 0 compiled, 1 refused */
static int compile_re(re_prog *r, const char *p, int len, int flags) {
    memset(r, 0, sizeof *r);
    r->p = p;
    r->len = len;
    r->flags = flags;
    for (int k = 0; k < len; k++)
        if ((unsigned char)p[k] >= 128) return 1;
    int root = parse_alt(r);
    if (r->bad || r->at != len) return 1;   /* an unbalanced ')' */
    emit(r, I_SAVE, 0, 0);
    gen(r, root);
    emit(r, I_SAVE, 1, 0);
    emit(r, I_MATCH, 0, 0);
    return r->bad;
}

typedef struct { int pc, sp, slot, old; } bt_entry;   /* slot >= 0: restore saves[slot] = old */

/* The leftmost match at or after `start` (mode 0), at `start` (1), or covering start..end (2):
 * 1 found (saves set), 0 none, -1 past the step bound. */
static int run(const re_prog *r, const char *s, int n, int start, int mode, int *saves, bt_entry *stack) {
    long steps = 0;
    for (int from = start; from <= n; from++) {
        const int n_saves = 2 * (r->n_groups + 1);
        for (int k = 0; k < n_saves; k++) saves[k] = -1;
        int top = 0;
        stack[top++] = (bt_entry){0, from, -1, 0};
        while (top > 0) {
            bt_entry e = stack[--top];
            if (e.slot >= 0) { saves[e.slot] = e.old; continue; }
            int pc = e.pc, sp = e.sp;
            for (;;) {
                if (++steps > MAX_STEPS) return -1;
                const re_inst *in = &r->code[pc];
                int ok = 1;
                switch (in->op) {
                case I_CHAR: ok = sp < n && (unsigned char)s[sp] == in->x; if (ok) sp++; break;
                case I_ANY: ok = sp < n && s[sp] != '\n'; if (ok) sp++; break;
                case I_ANYNL: ok = sp < n; if (ok) sp++; break;
                case I_CLASS: ok = sp < n && set_has(r->sets[in->x], (unsigned char)s[sp]); if (ok) sp++; break;
                case I_BOL: ok = sp == 0; break;
                case I_BOLM: ok = sp == 0 || s[sp - 1] == '\n'; break;
                case I_EOL: ok = sp == n || (sp == n - 1 && s[sp] == '\n'); break;
                case I_EOLM: ok = sp == n || s[sp] == '\n'; break;
                case I_SOS: ok = sp == 0; break;
                case I_EOS: ok = sp == n; break;
                case I_WORDB: case I_NWORDB: {
                    int w = (sp > 0 && is_word((unsigned char)s[sp - 1])) != (sp < n && is_word((unsigned char)s[sp]));
                    ok = in->op == I_WORDB ? w : !w;
                    break;
                }
                case I_JMP: pc = in->x; continue;
                case I_SPLIT:
                    if (top >= MAX_STACK) return -1;
                    stack[top++] = (bt_entry){in->y, sp, -1, 0};
                    pc = in->x;
                    continue;
                case I_SAVE:
                    if (top >= MAX_STACK) return -1;
                    stack[top++] = (bt_entry){0, 0, in->x, saves[in->x]};
                    saves[in->x] = sp;
                    break;
                case I_MATCH:
                    if (mode == 2 && sp != n) { ok = 0; break; }
                    return 1;
                }
                if (!ok) break;
                pc++;
            }
        }
        if (mode != 0) return 0;
    }
    return 0;
}

static int want_str(interp *I, py_val v) {
    if (v.t != PV_STR) return py_unsupported(I, "cnnc follows re on str values, not a %s", py_type_name(&v));
    return 0;
}

static int flags_of(interp *I, py_val v, int *out) {
    if (!pv_is_int(v) || v.big || (v.u.i & ~(int64_t)(RE_I | RE_M | RE_S)))
        return py_unsupported(I, "cnnc follows re with the flags IGNORECASE, MULTILINE and DOTALL only");
    *out = (int)v.u.i;
    return 0;
}

/* The program of (pattern, flags), malloc'd (the caller frees it); NULL raised or refused. */
static re_prog *compiled(interp *I, py_val pattern, py_val flags_v) {
    int flags = 0;
    if (want_str(I, pattern) || flags_of(I, flags_v, &flags)) return NULL;
    re_prog *r = (re_prog *)malloc(sizeof *r);
    if (!r) { py_nomem(I); return NULL; }
    const py_str *p = pv_as_str(pattern);
    if (compile_re(r, p->s, p->len, flags)) {
        free(r);
        py_unsupported(I, "cnnc cannot follow the regular expression %.80s", p->s);
        return NULL;
    }
    return r;
}

/* _cnnc_re_groups(pattern, flags): the pattern's number of groups (refused where not followed) */
static int b_re_groups(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                       py_val *out) {
    (void)self; (void)kw; (void)kwv; (void)n_kw;
    if (n != 2) return py_unsupported(I, "cnnc: _cnnc_re_groups");
    re_prog *r = compiled(I, a[0], a[1]);
    if (!r) return -1;
    *out = pv_int(r->n_groups);
    free(r);
    return 0;
}

/* _cnnc_re_exec(pattern, flags, string, pos, mode): a tuple of (start, end) or None per group
 * (group 0 first), or None for no match */
static int b_re_exec(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                     py_val *out) {
    (void)self; (void)kw; (void)kwv; (void)n_kw;
    if (n != 5 || !pv_is_int(a[3]) || !pv_is_int(a[4])) return py_unsupported(I, "cnnc: _cnnc_re_exec");
    if (want_str(I, a[2])) return -1;
    const py_str *s = pv_as_str(a[2]);
    for (int32_t k = 0; k < s->len; k++)
        if ((unsigned char)s->s[k] >= 128) return py_unsupported(I, "cnnc follows re on ASCII text");
    re_prog *r = compiled(I, a[0], a[1]);
    if (!r) return -1;
    const int64_t pos = a[3].u.i < 0 ? 0 : a[3].u.i;
    const int groups = r->n_groups;
    int saves[2 * MAX_GROUPS];
    bt_entry *stack = pos > s->len ? NULL : (bt_entry *)malloc(MAX_STACK * sizeof *stack);
    const int found = pos > s->len ? 0 : !stack ? -2 : run(r, s->s, s->len, (int)pos, (int)a[4].u.i, saves, stack);
    free(r);
    free(stack);
    if (found == -2) return py_nomem(I);
    if (found == -1)
        return py_unsupported(I, "cnnc cannot follow this match of %.80s: it takes over %d steps", pv_as_str(a[0])->s, MAX_STEPS);
    if (found == 0) { *out = pv_none(); return 0; }
    py_val t = pv_seq(I, PV_TUPLE, groups + 1);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    for (int g = 0; g <= groups; g++) {
        if (saves[2 * g] < 0 || saves[2 * g + 1] < 0) { pv_as_seq(t)->v[g] = pv_none(); continue; }
        py_val span = pv_seq(I, PV_TUPLE, 2);
        if (span.t == PV_UNBOUND) return py_nomem(I);
        pv_as_seq(span)->v[0] = pv_int(saves[2 * g]);
        pv_as_seq(span)->v[1] = pv_int(saves[2 * g + 1]);
        pv_as_seq(t)->v[g] = span;
    }
    *out = t;
    return 0;
}

py_module_ns *py_stdlib_re(interp *I) {
    if (I->m_re) return I->m_re;
    py_module_ns *m = py_prelude_module(I, "re", "<cnnc>/re.py", re_py, sizeof re_py - 1);
    if (!m) return NULL;
    py_val ex = pv_builtin(I, "_cnnc_re_exec", b_re_exec, pv_unbound(), NULL, 0);
    py_val gr = pv_builtin(I, "_cnnc_re_groups", b_re_groups, pv_unbound(), NULL, 0);
    if (ex.t == PV_UNBOUND || gr.t == PV_UNBOUND || py_attrs_set(I, m->attrs, py_s(I, "_cnnc_re_exec"), ex) ||
        py_attrs_set(I, m->attrs, py_s(I, "_cnnc_re_groups"), gr)) {
        py_nomem(I);
        return NULL;
    }
    I->m_re = m;
    return m;
}
