-- Appointment statistics (预约统计). A department's month is read as one range of this index per
-- department, and every column the statistics query reads is in it, so PostgreSQL answers from
-- the index alone (index-only scan, no heap visits) and hashes each entry by session, channel and
-- status. Measured with 5,000,000 historical appointments (docs/benchmarks.md): the busiest
-- department's month (70,866 appointments) well under the 1 s target.
-- Why not a daily summary table kept by a trigger: it would put a hot counter row on the booking
-- path (every booking of a department and day updating the same row, serialising the busiest
-- morning) and would need repairing whenever a status changes later (no-show, cancellation);
-- the index is exact and costs one more index entry per appointment.
-- It also serves the staff appointment search by department and day (no separate index for that).
CREATE INDEX appointment_stats ON appointment (department_id, starts_at)
  INCLUDE (session_id, status, channel, practitioner_id);
