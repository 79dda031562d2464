package com.partnerworkspace.credentials.internal;

import static com.partnerworkspace.system.JdbcRows.instant;
import static com.partnerworkspace.system.JdbcRows.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Latency samples, their buckets and how far they were rolled up (SQL only; {@link LatencyRollups} decides). */
@Repository
class LatencyRepository {

    private final JdbcClient db;
    private final JdbcTemplate batches;

    LatencyRepository(JdbcClient db, JdbcTemplate batches) {
        this.db = db;
        this.batches = batches;
    }

    void record(LatencySample sample) {
        recordAll(List.of(sample));
    }

    void recordAll(List<LatencySample> samples) {
        batches.batchUpdate("""
                insert into broker_latency_sample (connection_id, at, partner, broker, latency_ms, ok, error)
                values (?, ?, ?, ?, ?, ?, ?)""", samples, 1000, (statement, sample) -> {
            statement.setString(1, sample.connectionId());
            statement.setObject(2, time(sample.at()));
            statement.setString(3, sample.partner());
            statement.setString(4, sample.broker());
            statement.setInt(5, sample.latencyMs());
            statement.setBoolean(6, sample.ok());
            statement.setString(7, sample.error());
        });
    }

    Optional<Instant> earliestSample() {
        return db.sql("select min(at) as earliest from broker_latency_sample")
                .query((rs, row) -> Optional.ofNullable(instant(rs, "earliest")))
                .single();
    }

    /** The samples of {@code [from, to)}, by connection then time. */
    List<LatencySample> samplesBetween(Instant from, Instant to) {
        return db.sql("""
                        select * from broker_latency_sample where at >= :from and at < :to
                        order by connection_id, at""")
                .param("from", time(from))
                .param("to", time(to))
                .query(LatencyRepository::sample)
                .list();
    }

    /**
     * The connections' and partners' buckets of one size in {@code [from, to)} become these (a second roll-up
     * replaces the first).
     */
    void replaceBuckets(
            int sizeMinutes,
            Instant from,
            Instant to,
            List<LatencyBucket> ofConnections,
            List<LatencyBucket> ofPartners) {
        replace(CONNECTION_BUCKETS, "connection_id", sizeMinutes, from, to, ofConnections);
        replace(PARTNER_BUCKETS, "partner", sizeMinutes, from, to, ofPartners);
    }

    private static final String CONNECTION_BUCKETS = "broker_latency_bucket";
    private static final String PARTNER_BUCKETS = "broker_latency_partner_bucket";

    /** {@code table} and {@code sourceColumn} are names from this class, never from a request. */
    private void replace(
            String table, String sourceColumn, int sizeMinutes, Instant from, Instant to, List<LatencyBucket> buckets) {
        db.sql("delete from " + table + " where size_minutes = :size and bucket_start >= :from and bucket_start < :to")
                .param("size", sizeMinutes)
                .param("from", time(from))
                .param("to", time(to))
                .update();
        batches.batchUpdate(
                "insert into " + table + " (" + sourceColumn
                        + ", size_minutes, bucket_start, samples, errors, p50_ms, p95_ms, histogram)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                buckets,
                1000,
                (statement, bucket) -> {
                    statement.setString(1, bucket.source());
                    statement.setInt(2, bucket.sizeMinutes());
                    statement.setObject(3, time(bucket.start()));
                    statement.setInt(4, bucket.samples());
                    statement.setInt(5, bucket.errors());
                    statement.setInt(6, bucket.p50Ms());
                    statement.setInt(7, bucket.p95Ms());
                    statement.setString(8, bucket.histogram());
                });
    }

    /** The connections' buckets of one size starting in {@code [from, to)}, by time. */
    List<LatencyBucket> buckets(Collection<String> connectionIds, int sizeMinutes, Instant from, Instant to) {
        if (connectionIds.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                        select connection_id as source, size_minutes, bucket_start, samples, errors, p50_ms, p95_ms,
                               histogram
                        from broker_latency_bucket
                        where connection_id in (:ids) and size_minutes = :size
                          and bucket_start >= :from and bucket_start < :to
                        order by bucket_start""")
                .param("ids", List.copyOf(connectionIds))
                .param("size", sizeMinutes)
                .param("from", time(from))
                .param("to", time(to))
                .query(LatencyRepository::bucket)
                .list();
    }

    /** The partner's buckets (all its connections together) of one size starting in {@code [from, to)}, by time. */
    List<LatencyBucket> partnerBuckets(String partner, int sizeMinutes, Instant from, Instant to) {
        return db.sql("""
                        select partner as source, size_minutes, bucket_start, samples, errors, p50_ms, p95_ms, histogram
                        from broker_latency_partner_bucket
                        where partner = :partner and size_minutes = :size
                          and bucket_start >= :from and bucket_start < :to
                        order by bucket_start""")
                .param("partner", partner)
                .param("size", sizeMinutes)
                .param("from", time(from))
                .param("to", time(to))
                .query(LatencyRepository::bucket)
                .list();
    }

    /** How far buckets of this size have been rolled up; empty before the first roll-up. */
    Optional<Instant> rolledUntil(int sizeMinutes) {
        return mark("select rolled_until from broker_latency_rollup where size_minutes = :size", sizeMinutes);
    }

    /** As {@link #rolledUntil(int)}, locking the mark until the transaction ends: roll-ups take turns. */
    Optional<Instant> lockRolledUntil(int sizeMinutes) {
        return mark(
                "select rolled_until from broker_latency_rollup where size_minutes = :size for update", sizeMinutes);
    }

    private Optional<Instant> mark(String query, int sizeMinutes) {
        return db.sql(query).param("size", sizeMinutes).query((rs, row) -> instant(rs, "rolled_until")).list().stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** The mark rows exist from the schema (one per size). */
    void rolledUntil(int sizeMinutes, Instant until) {
        db.sql("update broker_latency_rollup set rolled_until = :until where size_minutes = :size")
                .param("size", sizeMinutes)
                .param("until", time(until))
                .update();
    }

    int deleteSamplesBefore(Instant before) {
        return db.sql("delete from broker_latency_sample where at < :before")
                .param("before", time(before))
                .update();
    }

    int deleteBucketsBefore(int sizeMinutes, Instant before) {
        int deleted = 0;
        for (String table : List.of(CONNECTION_BUCKETS, PARTNER_BUCKETS)) {
            deleted += db.sql("delete from " + table + " where size_minutes = :size and bucket_start < :before")
                    .param("size", sizeMinutes)
                    .param("before", time(before))
                    .update();
        }
        return deleted;
    }

    private static LatencySample sample(ResultSet rs, int row) throws SQLException {
        return new LatencySample(
                rs.getString("connection_id"),
                rs.getString("partner"),
                rs.getString("broker"),
                instant(rs, "at"),
                rs.getInt("latency_ms"),
                rs.getBoolean("ok"),
                rs.getString("error"));
    }

    private static LatencyBucket bucket(ResultSet rs, int row) throws SQLException {
        return new LatencyBucket(
                rs.getString("source"),
                rs.getInt("size_minutes"),
                instant(rs, "bucket_start"),
                rs.getInt("samples"),
                rs.getInt("errors"),
                rs.getInt("p50_ms"),
                rs.getInt("p95_ms"),
                rs.getString("histogram"));
    }
}
