package dev.scimsync.emulator;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The organisation behind a read-write lock: many concurrent readers, one writer at a time. Every write
 * function runs whole under the write lock, so it validates everything before changing anything and a
 * request's changes are all-or-nothing and never interleave with another request's.
 */
final class OrgStore {

    private final Org org = new Org();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T read(Function<Org, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(org);
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Function<Org, T> change) {
        lock.writeLock().lock();
        try {
            return change.apply(org);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
