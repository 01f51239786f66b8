/* nn_transformer.c — nn.MultiheadAttention, nn.TransformerEncoderLayer and
 * nn.TransformerEncoder, written (below) in the Python that cnnc reads, with
 * PyTorch 1.13's constructor arguments, state_dict names, submodules and the
 * checks of F.multi_head_attention_forward, in its words. torch.nn loads them
 * on first use (nn.c's getattr), so a file that never names them pays nothing.
 * The attention is composed of F.linear with the module's own projections
 * (a check-only node), bmm, softmax and views: cnnc checks these models, and
 * its engines refuse them. Eval mode, where PyTorch may take a fused fast path
 * with other checks, is refused where that path could apply. */
#include "py/nn_internal.h"

#include <stdlib.h>
#include <string.h>

static const char transformer_py[] =
    "import math\n"
    "import copy\n"
    "import torch\n"
    "import torch.nn as nn\n"
    "import torch.nn.functional as F\n"
    "\n"
    "\n"
    "def _cnnc_in_proj(q, k, v, w, b):\n"
    "    e = q.size(-1)\n"
    "    if k is v and q is k:\n"
    "        return F.linear(q, w, b).chunk(3, dim=-1)\n"
    "    if k is v:\n"
    "        w_q, w_kv = w.split([e, e * 2])\n"
    "        b_q, b_kv = (None, None) if b is None else b.split([e, e * 2])\n"
    "        kv = F.linear(k, w_kv, b_kv).chunk(2, dim=-1)\n"
    "        return F.linear(q, w_q, b_q), kv[0], kv[1]\n"
    "    w_q, w_k, w_v = w.chunk(3)\n"
    "    b_q, b_k, b_v = (None, None, None) if b is None else b.chunk(3)\n"
    "    return F.linear(q, w_q, b_q), F.linear(k, w_k, b_k), F.linear(v, w_v, b_v)\n"
    "\n"
    "\n"
    "def _cnnc_in_proj_separate(q, k, v, w_q, w_k, w_v, b_q, b_k, b_v):\n"
    "    eq, ek, ev = q.size(-1), k.size(-1), v.size(-1)\n"
    "    assert w_q.shape == (eq, eq), f\"expecting query weights shape of {(eq, eq)}, but got {w_q.shape}\"\n"
    "    assert w_k.shape == (eq, ek), f\"expecting key weights shape of {(eq, ek)}, but got {w_k.shape}\"\n"
    "    assert w_v.shape == (eq, ev), f\"expecting value weights shape of {(eq, ev)}, but got {w_v.shape}\"\n"
    "    return F.linear(q, w_q, b_q), F.linear(k, w_k, b_k), F.linear(v, w_v, b_v)\n"
    "\n"
    "\n"
    "def _cnnc_mha(m, query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights):\n"
    "    heads = m.num_heads\n"
    "    if query.dim() == 3:\n"
    "        batched = True\n"
    "        assert key.dim() == 3 and value.dim() == 3, (\"For batched (3-D) `query`, expected `key` and `value` to be 3-D\"\n"
    "                                                     f\" but found {key.dim()}-D and {value.dim()}-D tensors respectively\")\n"
    "        if key_padding_mask is not None:\n"
    "            assert key_padding_mask.dim() == 2, (\"For batched (3-D) `query`, expected `key_padding_mask` to be `None` or 2-D\"\n"
    "                                                 f\" but found {key_padding_mask.dim()}-D tensor instead\")\n"
    "        if attn_mask is not None:\n"
    "            assert attn_mask.dim() in (2, 3), (\"For batched (3-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D\"\n"
    "                                               f\" but found {attn_mask.dim()}-D tensor instead\")\n"
    "    elif query.dim() == 2:\n"
    "        batched = False\n"
    "        assert key.dim() == 2 and value.dim() == 2, (\"For unbatched (2-D) `query`, expected `key` and `value` to be 2-D\"\n"
    "                                                     f\" but found {key.dim()}-D and {value.dim()}-D tensors respectively\")\n"
    "        if key_padding_mask is not None:\n"
    "            assert key_padding_mask.dim() == 1, (\"For unbatched (2-D) `query`, expected `key_padding_mask` to be `None` or 1-D\"\n"
    "                                                 f\" but found {key_padding_mask.dim()}-D tensor instead\")\n"
    "        if attn_mask is not None:\n"
    "            assert attn_mask.dim() in (2, 3), (\"For unbatched (2-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D\"\n"
    "                                               f\" but found {attn_mask.dim()}-D tensor instead\")\n"
    "            if attn_mask.dim() == 3:\n"
    "                want = (heads, query.shape[0], key.shape[0])\n"
    "                assert attn_mask.shape == want, f\"Expected `attn_mask` shape to be {want} but got {attn_mask.shape}\"\n"
    "    else:\n"
    "        raise AssertionError(f\"query should be unbatched 2D or batched 3D tensor but received {query.dim()}-D query tensor\")\n"
    "    if not batched:\n"
    "        query = query.unsqueeze(1)\n"
    "        key = key.unsqueeze(1)\n"
    "        value = value.unsqueeze(1)\n"
    "        if key_padding_mask is not None:\n"
    "            key_padding_mask = key_padding_mask.unsqueeze(0)\n"
    "    tgt_len, bsz, embed_dim = query.shape\n"
    "    src_len, _, _ = key.shape\n"
    "    assert embed_dim == m.embed_dim, f\"was expecting embedding dimension of {m.embed_dim}, but got {embed_dim}\"\n"
    "    head_dim = embed_dim // heads\n"
    "    assert head_dim * heads == embed_dim, f\"embed_dim {embed_dim} not divisible by num_heads {heads}\"\n"
    "    if m._qkv_same_embed_dim:\n"
    "        assert key.shape == value.shape, f\"key shape {key.shape} does not match value shape {value.shape}\"\n"
    "        q, k, v = _cnnc_in_proj(query, key, value, m.in_proj_weight, m.in_proj_bias)\n"
    "    else:\n"
    "        assert key.shape[:2] == value.shape[:2], f\"key's sequence and batch dims {key.shape[:2]} do not match value's {value.shape[:2]}\"\n"
    "        b_q, b_k, b_v = (None, None, None) if m.in_proj_bias is None else m.in_proj_bias.chunk(3)\n"
    "        q, k, v = _cnnc_in_proj_separate(query, key, value, m.q_proj_weight, m.k_proj_weight, m.v_proj_weight, b_q, b_k, b_v)\n"
    "    if attn_mask is not None:\n"
    "        if attn_mask.dim() == 2:\n"
    "            if attn_mask.shape != (tgt_len, src_len):\n"
    "                raise RuntimeError(f\"The shape of the 2D attn_mask is {attn_mask.shape}, but should be {(tgt_len, src_len)}.\")\n"
    "            attn_mask = attn_mask.unsqueeze(0)\n"
    "        elif attn_mask.dim() == 3:\n"
    "            if attn_mask.shape != (bsz * heads, tgt_len, src_len):\n"
    "                raise RuntimeError(f\"The shape of the 3D attn_mask is {attn_mask.shape}, but should be {(bsz * heads, tgt_len, src_len)}.\")\n"
    "        else:\n"
    "            raise RuntimeError(f\"attn_mask's dimension {attn_mask.dim()} is not supported\")\n"
    "    if m.bias_k is not None and m.bias_v is not None:\n"
    "        k = torch.cat([k, m.bias_k.repeat(1, bsz, 1)])\n"
    "        v = torch.cat([v, m.bias_v.repeat(1, bsz, 1)])\n"
    "        if attn_mask is not None:\n"
    "            attn_mask = F.pad(attn_mask, (0, 1))\n"
    "        if key_padding_mask is not None:\n"
    "            key_padding_mask = F.pad(key_padding_mask, (0, 1))\n"
    "    q = q.contiguous().view(tgt_len, bsz * heads, head_dim).transpose(0, 1)\n"
    "    k = k.contiguous().view(k.shape[0], bsz * heads, head_dim).transpose(0, 1)\n"
    "    v = v.contiguous().view(v.shape[0], bsz * heads, head_dim).transpose(0, 1)\n"
    "    if m.add_zero_attn:\n"
    "        k = torch.cat([k, torch.zeros((bsz * heads, 1, head_dim))], dim=1)\n"
    "        v = torch.cat([v, torch.zeros((bsz * heads, 1, head_dim))], dim=1)\n"
    "        if attn_mask is not None:\n"
    "            attn_mask = F.pad(attn_mask, (0, 1))\n"
    "        if key_padding_mask is not None:\n"
    "            key_padding_mask = F.pad(key_padding_mask, (0, 1))\n"
    "    src_len = k.size(1)\n"
    "    if key_padding_mask is not None:\n"
    "        assert key_padding_mask.shape == (bsz, src_len), \\\n"
    "            f\"expecting key_padding_mask shape of {(bsz, src_len)}, but got {key_padding_mask.shape}\"\n"
    "        key_padding_mask = key_padding_mask.view(bsz, 1, 1, src_len).expand(-1, heads, -1, -1).reshape(bsz * heads, 1, src_len)\n"
    "        attn_mask = key_padding_mask if attn_mask is None else attn_mask + key_padding_mask\n"
    "    weights = torch.bmm(q / math.sqrt(head_dim), k.transpose(-2, -1))\n"
    "    if attn_mask is not None:\n"
    "        weights = weights + attn_mask\n"
    "    weights = F.softmax(weights, dim=-1)\n"
    "    if m.training and m.dropout > 0.0:\n"
    "        weights = F.dropout(weights, p=m.dropout)\n"
    "    out = torch.bmm(weights, v)\n"
    "    out = out.transpose(0, 1).contiguous().view(tgt_len * bsz, embed_dim)\n"
    "    out = F.linear(out, m.out_proj.weight, m.out_proj.bias)\n"
    "    out = out.view(tgt_len, bsz, out.size(1))\n"
    "    if not need_weights:\n"
    "        return (out if batched else out.squeeze(1)), None\n"
    "    weights = weights.view(bsz, heads, tgt_len, src_len)\n"
    "    if average_attn_weights:\n"
    "        weights = weights.sum(dim=1) / heads\n"
    "    if not batched:\n"
    "        return out.squeeze(1), weights.squeeze(0)\n"
    "    return out, weights\n"
    "\n"
    "\n"
    "class NonDynamicallyQuantizableLinear(nn.Linear):\n"
    "    pass\n"
    "\n"
    "\n"
    "class MultiheadAttention(nn.Module):\n"
    "    def __init__(self, embed_dim, num_heads, dropout=0., bias=True, add_bias_kv=False, add_zero_attn=False,\n"
    "                 kdim=None, vdim=None, batch_first=False, device=None, dtype=None):\n"
    "        super(MultiheadAttention, self).__init__()\n"
    "        self.embed_dim = embed_dim\n"
    "        self.kdim = kdim if kdim is not None else embed_dim\n"
    "        self.vdim = vdim if vdim is not None else embed_dim\n"
    "        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim\n"
    "        self.num_heads = num_heads\n"
    "        self.dropout = dropout\n"
    "        self.batch_first = batch_first\n"
    "        self.head_dim = embed_dim // num_heads\n"
    "        assert self.head_dim * num_heads == self.embed_dim, \"embed_dim must be divisible by num_heads\"\n"
    "        if self._qkv_same_embed_dim:\n"
    "            self.in_proj_weight = nn.Parameter(torch.empty((3 * embed_dim, embed_dim), device=device, dtype=dtype))\n"
    "            self.register_parameter('q_proj_weight', None)\n"
    "            self.register_parameter('k_proj_weight', None)\n"
    "            self.register_parameter('v_proj_weight', None)\n"
    "        else:\n"
    "            self.q_proj_weight = nn.Parameter(torch.empty((embed_dim, embed_dim), device=device, dtype=dtype))\n"
    "            self.k_proj_weight = nn.Parameter(torch.empty((embed_dim, self.kdim), device=device, dtype=dtype))\n"
    "            self.v_proj_weight = nn.Parameter(torch.empty((embed_dim, self.vdim), device=device, dtype=dtype))\n"
    "            self.register_parameter('in_proj_weight', None)\n"
    "        if bias:\n"
    "            self.in_proj_bias = nn.Parameter(torch.empty(3 * embed_dim, device=device, dtype=dtype))\n"
    "        else:\n"
    "            self.register_parameter('in_proj_bias', None)\n"
    "        self.out_proj = NonDynamicallyQuantizableLinear(embed_dim, embed_dim, bias=bias, device=device, dtype=dtype)\n"
    "        if add_bias_kv:\n"
    "            self.bias_k = nn.Parameter(torch.empty((1, 1, embed_dim), device=device, dtype=dtype))\n"
    "            self.bias_v = nn.Parameter(torch.empty((1, 1, embed_dim), device=device, dtype=dtype))\n"
    "        else:\n"
    "            self.bias_k = self.bias_v = None\n"
    "        self.add_zero_attn = add_zero_attn\n"
    "\n"
    "    def forward(self, query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,\n"
    "                average_attn_weights=True):\n"
    "        batched = query.dim() == 3\n"
    "        if (batched and not self.training and query is key and key is value and self.batch_first and self.bias_k is None\n"
    "                and not self.dropout and not self.add_zero_attn and self._qkv_same_embed_dim and attn_mask is None\n"
    "                and self.num_heads % 2 == 0):\n"
    "            _cnnc_refuse(\"cnnc follows nn.MultiheadAttention in training mode, or where eval mode takes its general path \"\n"
    "                         \"(eval mode here may take PyTorch's fused fast path, whose checks differ)\")\n"
    "        if self.batch_first and batched:\n"
    "            if key is value:\n"
    "                if query is key:\n"
    "                    query = key = value = query.transpose(1, 0)\n"
    "                else:\n"
    "                    query, key = [x.transpose(1, 0) for x in (query, key)]\n"
    "                    value = key\n"
    "            else:\n"
    "                query, key, value = [x.transpose(1, 0) for x in (query, key, value)]\n"
    "        out, weights = _cnnc_mha(self, query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights)\n"
    "        if self.batch_first and batched:\n"
    "            return out.transpose(1, 0), weights\n"
    "        return out, weights\n"
    "\n"
    "\n"
    "def _cnnc_activation(activation):\n"
    "    if activation == \"relu\":\n"
    "        return F.relu\n"
    "    if activation == \"gelu\":\n"
    "        return F.gelu\n"
    "    raise RuntimeError(\"activation should be relu/gelu, not {}\".format(activation))\n"
    "\n"
    "\n"
    "class TransformerEncoderLayer(nn.Module):\n"
    "    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation=F.relu, layer_norm_eps=1e-5,\n"
    "                 batch_first=False, norm_first=False, device=None, dtype=None):\n"
    "        super(TransformerEncoderLayer, self).__init__()\n"
    "        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first, device=device,\n"
    "                                            dtype=dtype)\n"
    "        self.linear1 = nn.Linear(d_model, dim_feedforward, device=device, dtype=dtype)\n"
    "        self.dropout = nn.Dropout(dropout)\n"
    "        self.linear2 = nn.Linear(dim_feedforward, d_model, device=device, dtype=dtype)\n"
    "        self.norm_first = norm_first\n"
    "        self.norm1 = nn.LayerNorm(d_model, eps=layer_norm_eps, device=device, dtype=dtype)\n"
    "        self.norm2 = nn.LayerNorm(d_model, eps=layer_norm_eps, device=device, dtype=dtype)\n"
    "        self.dropout1 = nn.Dropout(dropout)\n"
    "        self.dropout2 = nn.Dropout(dropout)\n"
    "        if isinstance(activation, str):\n"
    "            activation = _cnnc_activation(activation)\n"
    "        self.activation = activation\n"
    "\n"
    "    def forward(self, src, src_mask=None, src_key_padding_mask=None):\n"
    "        if src.dim() == 3 and not self.training:\n"
    "            _cnnc_refuse(\"cnnc follows nn.TransformerEncoderLayer in training mode (eval mode may take PyTorch's fused \"\n"
    "                         \"fast path, whose checks differ)\")\n"
    "        x = src\n"
    "        if self.norm_first:\n"
    "            x = x + self._sa_block(self.norm1(x), src_mask, src_key_padding_mask)\n"
    "            x = x + self._ff_block(self.norm2(x))\n"
    "        else:\n"
    "            x = self.norm1(x + self._sa_block(x, src_mask, src_key_padding_mask))\n"
    "            x = self.norm2(x + self._ff_block(x))\n"
    "        return x\n"
    "\n"
    "    def _sa_block(self, x, attn_mask, key_padding_mask):\n"
    "        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask, need_weights=False)[0]\n"
    "        return self.dropout1(x)\n"
    "\n"
    "    def _ff_block(self, x):\n"
    "        x = self.linear2(self.dropout(self.activation(self.linear1(x))))\n"
    "        return self.dropout2(x)\n"
    "\n"
    "\n"
    "class TransformerEncoder(nn.Module):\n"
    "    def __init__(self, encoder_layer, num_layers, norm=None, enable_nested_tensor=True, mask_check=True):\n"
    "        super(TransformerEncoder, self).__init__()\n"
    "        self.layers = nn.ModuleList([copy.deepcopy(encoder_layer) for i in range(num_layers)])\n"
    "        self.num_layers = num_layers\n"
    "        self.norm = norm\n"
    "        self.enable_nested_tensor = enable_nested_tensor\n"
    "        self.mask_check = mask_check\n"
    "\n"
    "    def forward(self, src, mask=None, src_key_padding_mask=None):\n"
    "        if src_key_padding_mask is not None and not self.training:\n"
    "            _cnnc_refuse(\"cnnc follows nn.TransformerEncoder with a padding mask in training mode (eval mode may turn the \"\n"
    "                         \"input into a nested tensor)\")\n"
    "        output = src\n"
    "        for mod in self.layers:\n"
    "            output = mod(output, src_mask=mask, src_key_padding_mask=src_key_padding_mask)\n"
    "        if self.norm is not None:\n"
    "            output = self.norm(output)\n"
    "        return output\n";

/* _cnnc_refuse(message): code the model can run that cnnc does not follow */
static int b_refuse(ARGS) {
    UNUSED;
    (void)out;
    return py_unsupported(I, "%s", n == 1 && a[0].t == PV_STR ? pv_as_str(a[0])->s : "cnnc cannot follow this use of torch.nn");
}

static int add_refuse(interp *I, py_source *src) {
    py_val f = pv_builtin(I, "_cnnc_refuse", b_refuse, pv_unbound(), NULL, 0);
    if (f.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, &src->globals, py_s(I, "_cnnc_refuse"), f);
}

/* torch.nn's classes cnnc writes in Python: this file's and nn_param_containers.c's,
 * each source loaded on the first use of one of its names. */
int py_nn_python_class(interp *I, const char *name, py_val *out) {
    static const char *const transformer_names[] = {"MultiheadAttention", "TransformerEncoderLayer", "TransformerEncoder",
                                                    "NonDynamicallyQuantizableLinear", NULL};
    static const char *const container_names[] = {"ParameterList", "ParameterDict", "DataParallel", NULL};
    static const struct { const char *const *names; const char *text; size_t len; const char *path; } preludes[2] = {
        {transformer_names, transformer_py, sizeof transformer_py - 1, "<cnnc>/torch/nn/modules/transformer.py"},
        {container_names, nn_param_containers_py, 0, "<cnnc>/torch/nn/modules/container.py"},
    };
    int which = -1;
    for (int p = 0; p < 2 && which < 0; p++)
        for (int k = 0; preludes[p].names[k]; k++)
            if (!strcmp(preludes[p].names[k], name)) which = p;
    if (which < 0) return 1;
    if (!I->nn_python[which]) {
        const size_t len = preludes[which].len ? preludes[which].len : strlen(preludes[which].text);
        char *text = (char *)malloc(len + 1);
        if (!text) return py_nomem(I);
        memcpy(text, preludes[which].text, len + 1);
        /* the exception, if any, is raised at the line that named the class */
        const int32_t line = I->line, col = I->col;
        py_source *saved = I->cur_src;
        py_source *src = py_load_text(I, preludes[which].path, text, len, add_refuse);
        I->cur_src = saved;
        I->line = line;
        I->col = col;
        if (!src) return -1;
        I->nn_python[which] = src;
        for (int j = 0; preludes[which].names[j]; j++) {
            const py_val *v = py_attrs_find(&src->globals, py_s(I, preludes[which].names[j]));
            if (v && py_module_set(I, I->m_nn, preludes[which].names[j], *v)) return -1;
        }
    }
    const py_val *v = py_attrs_find(&I->nn_python[which]->globals, py_s(I, name));
    if (!v) return py_unsupported(I, "cnnc does not support nn.%s", name);
    *out = *v;
    return 0;
}
