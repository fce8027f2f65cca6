"""动态管理 (二, 三(三)2): the life of a case after approval — reviews (复查) on the class's
cycle, exit (退出低保), monitoring of households that fall back (返贫监测) — and the clock
that gives every procedure step its due date, with the scheduler that runs all of it.

- ``models``: the tables (reviews, monitoring events, step deadlines, the staff's holiday
  table, the job table).
- ``clock``: due dates in working days by the official calendar.
- ``reviews``, ``exits``, ``monitoring``: the data functions staff and the assistant call.
- ``notices``: what residents are told, through the outbox, outside quiet hours.
- ``jobs`` and ``scheduler``: the database-backed job table and the loop that fills and runs it.
"""
