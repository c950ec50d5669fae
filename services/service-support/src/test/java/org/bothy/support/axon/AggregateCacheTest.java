package org.bothy.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.bothy.testsupport.RealPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AggregateCacheTest {

    private final DataSourceTransactionManager transactions =
            new DataSourceTransactionManager(RealPostgres.dataSource("aggregate_cache"));
    private final TransactionTemplate transaction = new TransactionTemplate(transactions);

    @Test
    void the_least_recently_used_aggregate_goes_first_when_full() {
        AggregateCache cache = new AggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });

        cache.put("journey-1", "one");
        cache.put("journey-2", "two");
        cache.get("journey-1");
        cache.put("journey-3", "three");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("journey-1")).as("read lately, so kept").isTrue();
        assertThat(cache.containsKey("journey-2")).isFalse();
        assertThat(expired).containsExactly("journey-2");
    }

    @Test
    void an_aggregate_cached_in_a_transaction_that_rolls_back_is_forgotten() {
        AggregateCache cache = new AggregateCache(10);

        transaction.executeWithoutResult(status -> {
            new JdbcTemplate(transactions.getDataSource()).execute("select 1");
            cache.put("journey-1", "decided, then rolled back");
            assertThat(cache.containsKey("journey-1")).as("visible inside its own transaction").isTrue();
            status.setRollbackOnly();
        });

        assertThat(cache.containsKey("journey-1")).isFalse();
    }

    @Test
    void an_aggregate_cached_in_a_committed_transaction_stays() {
        AggregateCache cache = new AggregateCache(10);

        transaction.executeWithoutResult(status -> cache.put("journey-1", "decided"));
        cache.put("journey-2", "outside any transaction");

        assertThat((String) cache.get("journey-1")).isEqualTo("decided");
        assertThat((String) cache.get("journey-2")).isEqualTo("outside any transaction");
    }
}
