package org.bothy.support.axon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the most recently used aggregates of one type in memory, so that a command loads its aggregate without
 * reading and deserialising every one of its events again. Bounded (least recently used goes first) and safe only
 * while one instance of a service writes its event store, as every Bothy deployment does.
 *
 * <p>Axon forgets a cached aggregate when its own unit of work rolls back; this cache also forgets it when the Spring
 * transaction that the unit of work joined rolls back later (a command sent inside a wider transaction), so it never
 * holds a state the event store does not.
 */
public final class AggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /** A cache of at most {@code capacity} aggregates. */
    public AggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an aggregate cache holds at least one aggregate");
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                return true;
            }
        };
    }

    /** How many aggregates are held now. */
    public synchronized int size() {
        return entries.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (this) {
            boolean updated = entries.put(key, value) != null;
            listeners.forEach(listener -> {
                if (updated) {
                    listener.onEntryUpdated(key, value);
                } else {
                    listener.onEntryCreated(key, value);
                }
            });
        }
        forgetIfRolledBack(key);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (this) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        forgetIfRolledBack(key);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = (T) entries.get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V value = (V) entries.get(key);
        if (value == null) {
            return;
        }
        V updated = update.apply(value);
        if (updated == null) {
            remove(key);
        } else {
            put(key, updated);
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        if (entries.remove(key) == null) {
            return false;
        }
        listeners.forEach(listener -> listener.onEntryRemoved(key));
        return true;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void forgetIfRolledBack(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    remove(key);
                }
            }
        });
    }
}
