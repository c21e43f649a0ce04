"""Code that runs inside the sandbox, in the learner's process. It imports only `checker.protocol`."""
