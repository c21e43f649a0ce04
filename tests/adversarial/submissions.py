"""Hostile and broken submissions for the fixture exercise, each with the verdict it must get.

Each entry: (name, expected status, what stops it, source). `{secret_file}`, `{project}`,
`{outside_file}` and `{port}` are filled in by the test.
"""

from __future__ import annotations

HEADER = "import os\nimport sys\nimport jax\nimport jax.numpy as jnp\nimport numpy as np\nfrom flax import nnx\n\n"
CORRECT_BODY = (
    "    import optax\n"
    "    model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))\n"
    "    opt = nnx.Optimizer(model, optax.sgd(0.1), wrt=nnx.Param)\n"
    "    mse = lambda m, x, y: jnp.mean((m(x) - y) ** 2)\n"
    "    first = None\n"
    "    for _ in range(int(num_steps)):\n"
    "        loss, grads = nnx.value_and_grad(mse)(model, x, y)\n"
    "        opt.update(model, grads)\n"
    "        first = loss if first is None else first\n"
    "    return jnp.array([first, mse(model, x, y)])\n"
)
SIGNATURE = "def fit_affine(seed, x, y, num_steps):\n"


def solution(before: str = "", inside: str = "") -> str:
    """A correct solution with hostile code at module level (`before`) or at the top of the function."""
    return HEADER + before + "\n\n" + SIGNATURE + inside + CORRECT_BODY


def returning(expression: str, before: str = "") -> str:
    """A solution that returns `expression`."""
    return HEADER + before + "\n\n" + SIGNATURE + f"    return {expression}\n"


SUBMISSIONS: list[tuple[str, str, str, str]] = [
    ("infinite_loop", "time_limit", "wall-clock limit, process group killed", returning("0", "while True:\n    pass")),
    ("sleep", "time_limit", "wall-clock limit", solution(inside="    import time\n    time.sleep(3600)\n")),
    (
        "fork_bomb",
        "runtime_error",
        "pids cgroup (fork fails); PID namespace and group kill clean up",
        solution(inside="    while True:\n        os.fork()\n"),
    ),
    (
        "python_memory_bomb",
        "memory_limit",
        "RLIMIT_DATA (MemoryError) and the memory cgroup",
        solution(inside="    hog = []\n    while True:\n        hog.append(bytearray(100_000_000))\n"),
    ),
    (
        "jnp_memory_bomb",
        "memory_limit",
        "RLIMIT_DATA: XLA cannot allocate",
        solution(inside="    big = jnp.ones((1 << 33,), jnp.float32)\n    big.block_until_ready()\n"),
    ),
    (
        "print_100_mb",
        "output_limit",
        "per-case output cap",
        solution(inside="    for _ in range(100):\n        print('x' * 1_000_000)\n"),
    ),
    (
        "raw_write_100_mb",
        "output_limit",
        "the console pipe is read with a size cap",
        solution(inside="    for _ in range(100):\n        os.write(1, b'y' * 1_000_000)\n"),
    ),
    (
        "invalid_utf8_output",
        "accepted",
        "output is captured as text with replacement; it cannot break the channel",
        solution(inside="    os.write(1, b'\\xff\\xfe\\x00')\n    print('\\udcff broken surrogate')\n"),
    ),
    (
        "sys_exit_after_fake_verdict",
        "runtime_error",
        "verdict computed outside from data only",
        returning("None", 'print(\'{"status": "accepted"}\')\nsys.exit(0)'),
    ),
    (
        "os_exit_after_fake_verdict",
        "runtime_error",
        "missing results read as an early exit",
        solution(inside="    print('accepted')\n    os._exit(0)\n"),
    ),
    (
        "close_stdout",
        "accepted",
        "results travel on their own pipe, not on stdout",
        solution(inside="    sys.stdout.close()\n    os.closerange(1, 3)\n"),
    ),
    (
        "ignore_sigterm",
        "time_limit",
        "SIGKILL to the whole group",
        solution(
            inside="    import signal\n    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n    while True:\n        pass\n"
        ),
    ),
    (
        "background_threads",
        "accepted",
        "the run ends when the results are complete; leftover threads are killed with the process",
        solution(
            "import threading\nimport time\n\ndef _forever():\n    while True:\n        time.sleep(0.01)\n",
            "    threading.Thread(target=_forever).start()\n",
        ),
    ),
    (
        "setsid_grandchild",
        "time_limit",
        "PID namespace: killing the sandbox kills every process in it",
        solution(
            inside="    if os.fork() == 0:\n        os.setsid()\n        while True:\n            pass\n    while True:\n        pass\n"
        ),
    ),
    ("recursion_bomb", "runtime_error", "RecursionError", returning("f(1)", "def f(n):\n    return f(n + 1)")),
    (
        "read_reference_file",
        "runtime_error",
        "the exercises are not mounted in the sandbox",
        solution(inside="    open('{project}/tests/fixtures/problems/fixture-affine/reference.py').read()\n"),
    ),
    (
        "read_secrets",
        "runtime_error",
        "files outside the sandbox do not exist inside",
        solution(inside="    open('{secret_file}').read()\n"),
    ),
    (
        "read_env_and_parent_environ",
        "accepted",
        "empty environment; bubblewrap started with an empty environment",
        solution(
            inside="    leaked = 'NNX_DOJO_TEST_SECRET' in os.environ\n"
            "    for pid in os.listdir('/proc'):\n"
            "        if pid.isdigit():\n"
            "            try:\n"
            "                leaked |= b'NNX_DOJO_TEST_SECRET' in open('/proc/' + pid + '/environ', 'rb').read()\n"
            "            except OSError:\n"
            "                pass\n"
            "    assert not leaked, 'LEAK'\n"
        ),
    ),
    (
        "open_socket",
        "runtime_error",
        "network namespace: no network at all",
        solution(inside="    import socket\n    socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"),
    ),
    (
        "write_into_problems",
        "runtime_error",
        "the project is not mounted; the run folder is the only writable place",
        solution(inside="    open('{project}/problems/hacked.txt', 'w').write('x')\n"),
    ),
    (
        "delete_files",
        "runtime_error",
        "files outside the sandbox do not exist inside",
        solution(inside="    os.remove('{outside_file}')\n"),
    ),
    (
        "monkeypatch_allclose",
        "wrong_answer",
        "comparison runs in the checker's process, not the learner's",
        returning(
            "jnp.zeros(2)", "np.allclose = lambda *a, **k: True\nnp.isclose = lambda a, b, **k: np.ones_like(a, bool)"
        ),
    ),
    (
        "monkeypatch_checker",
        "wrong_answer",
        "the verdict is computed outside the learner's process",
        returning(
            "jnp.zeros(2)",
            "import checker.protocol\nfake = lambda v: {'kind': 'array', 'dtype': 'float32', 'shape': [2],"
            " 'data': [0.0, 0.0]}\nchecker.protocol.encode_output = fake\nsys.modules['__main__'].encode_output = fake",
        ),
    ),
    ("returns_none", "wrong_answer", "staged comparison: not an array", returning("None")),
    ("returns_string", "wrong_answer", "staged comparison: not an array", returning("'accepted'")),
    ("returns_dict", "wrong_answer", "staged comparison: not an array", returning("{'status': 'accepted'}")),
    ("returns_generator", "wrong_answer", "staged comparison: not an array", returning("(i for i in range(2))")),
    (
        "array_that_raises",
        "wrong_answer",
        "conversion errors are caught",
        returning("Bad()", "class Bad:\n    def __array__(self, *a, **k):\n        raise RuntimeError('no')"),
    ),
    (
        "array_that_lies",
        "wrong_answer",
        "values are read once and compared outside",
        returning(
            "Liar()",
            "class Liar:\n    calls = 0\n    def __array__(self, *a, **k):\n"
            "        Liar.calls += 1\n        return np.full(2, float(Liar.calls), np.float32)",
        ),
    ),
    (
        "huge_array",
        "wrong_answer",
        "shape checked before values; large outputs not copied",
        returning("jnp.zeros(10**7)"),
    ),
    (
        "nan_inf",
        "wrong_answer",
        "NaN where the reference has a number is wrong",
        returning("jnp.array([jnp.nan, jnp.inf])"),
    ),
    ("syntax_error", "syntax_error", "compiled before running", "def fit_affine(seed, x, y, num_steps)\n    pass\n"),
    (
        "indentation_error",
        "syntax_error",
        "compiled before running",
        "def fit_affine(seed, x, y, num_steps):\nreturn 1\n",
    ),
    ("huge_source", "syntax_error", "source size limit", "# " + "x" * 1_000_000 + "\n" + solution()),
    ("missing_module", "runtime_error", "ModuleNotFoundError at import", solution("import this_module_does_not_exist")),
    (
        "missing_function",
        "missing_function",
        "entry function looked up by name",
        returning("0").replace("fit_affine", "fit"),
    ),
    (
        "wrong_arity",
        "runtime_error",
        "TypeError from the call",
        HEADER + "def fit_affine(seed, x):\n    return jnp.zeros(2)\n",
    ),
    (
        "fake_results_file",
        "wrong_answer",
        "only outputs are read from the channel; the verdict compares them with hidden expectations",
        returning(
            "jnp.zeros(2)",
            "import json\nwith open('results.jsonl', 'a') as f:\n"
            "    for n in ('case-1', 'case-2', 'case-3'):\n"
            "        f.write(json.dumps({'event': 'case', 'name': n, 'status': 'ok', 'output': {'kind': 'array',"
            " 'dtype': 'float32', 'shape': [2], 'data': [0.0, 0.0]}}) + '\\n')\n"
            "    f.write(json.dumps({'event': 'done'}) + '\\n')",
        ),
    ),
]
