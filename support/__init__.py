"""What tests/ and bench/ share, so that neither imports the other; not shipped (pyproject.toml ships kg and server).

- checkout: the command and environment that run this checkout's `kg`, never one found on PATH
- servers: free ports and a `kg serve` master's processes (its workers, their memory)
- metrics: a /metrics page's samples and their sums
- counting: answers (2xx) and errors by status or transport kind, ratios withheld over errors, wrk runs
- queries: the competency questions as requests, ordinary and pathological queries, and one client sending them
- load: the load mix (competency questions and pages) through wrk
- fuzzing: the hostile request generator of the fuzz test and the long fuzz run
"""
