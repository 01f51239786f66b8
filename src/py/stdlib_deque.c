/* stdlib_deque.c — collections.deque as model code uses it: a stack of U-Net skip
 * connections (`skips = deque(); skips.append(x); ... skips.pop()`), a bounded history
 * (maxlen), written (below) in the Python that cnnc reads over a list, with CPython 3.11's
 * errors ("pop from an empty deque", "deque index out of range"). Loaded on first use of
 * collections.deque. */
#include "py/interp.h"

#include <string.h>

static const char deque_py[] =
    "class deque(object):\n"
    "    def __init__(self, iterable=(), maxlen=None):\n"
    "        if maxlen is not None:\n"
    "            if not isinstance(maxlen, int):\n"
    "                raise TypeError('an integer is required')\n"
    "            if maxlen < 0:\n"
    "                raise ValueError('maxlen must be non-negative')\n"
    "        self._items = []\n"
    "        self.maxlen = maxlen\n"
    "        for x in iterable:\n"
    "            self.append(x)\n"
    "\n"
    "    def append(self, x):\n"
    "        self._items.append(x)\n"
    "        if self.maxlen is not None and len(self._items) > self.maxlen:\n"
    "            self._items.pop(0)\n"
    "\n"
    "    def appendleft(self, x):\n"
    "        self._items.insert(0, x)\n"
    "        if self.maxlen is not None and len(self._items) > self.maxlen:\n"
    "            self._items.pop()\n"
    "\n"
    "    def extend(self, iterable):\n"
    "        for x in list(iterable):\n"
    "            self.append(x)\n"
    "\n"
    "    def extendleft(self, iterable):\n"
    "        for x in list(iterable):\n"
    "            self.appendleft(x)\n"
    "\n"
    "    def pop(self):\n"
    "        if not self._items:\n"
    "            raise IndexError('pop from an empty deque')\n"
    "        return self._items.pop()\n"
    "\n"
    "    def popleft(self):\n"
    "        if not self._items:\n"
    "            raise IndexError('pop from an empty deque')\n"
    "        return self._items.pop(0)\n"
    "\n"
    "    def clear(self):\n"
    "        self._items = []\n"
    "\n"
    "    def reverse(self):\n"
    "        self._items = self._items[::-1]\n"
    "\n"
    "    def rotate(self, n=1):\n"
    "        if self._items:\n"
    "            n = n % len(self._items)\n"
    "            self._items = self._items[len(self._items) - n:] + self._items[:len(self._items) - n]\n"
    "\n"
    "    def count(self, x):\n"
    "        return self._items.count(x)\n"
    "\n"
    "    def copy(self):\n"
    "        return deque(self._items, self.maxlen)\n"
    "\n"
    "    def __len__(self):\n"
    "        return len(self._items)\n"
    "\n"
    "    def __iter__(self):\n"
    "        return iter(self._items)\n"
    "\n"
    "    def __contains__(self, x):\n"
    "        return x in self._items\n"
    "\n"
    "    def __getitem__(self, i):\n"
    "        if not isinstance(i, int):\n"
    "            raise TypeError('sequence index must be integer, not ' + \"'\" + type(i).__name__ + \"'\")\n"
    "        if i < -len(self._items) or i >= len(self._items):\n"
    "            raise IndexError('deque index out of range')\n"
    "        return self._items[i]\n"
    "\n"
    "    def __setitem__(self, i, x):\n"
    "        if i < -len(self._items) or i >= len(self._items):\n"
    "            raise IndexError('deque index out of range')\n"
    "        self._items[i] = x\n";

/* collections.deque: the class, made once */
int py_collections_deque(interp *I, py_val *out) {
    static const char path[] = "<cnnc>/collections_deque.py";
    if (!I->m_deque && !(I->m_deque = py_prelude_module(I, "collections", path, deque_py, sizeof deque_py - 1))) return -1;
    const py_val *c = py_attrs_find(I->m_deque->attrs, py_s(I, "deque"));
    if (!c || c->t != PV_CLASS) return py_unsupported(I, "cnnc cannot follow collections.deque");
    pv_as_class(*c)->module = "collections";
    *out = *c;
    return 0;
}
