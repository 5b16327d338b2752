package pownode.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Transactions by TransactionID, in ascending order. */
public final class TransactionTable {
    private final TreeMap<Long, Transaction> rows = new TreeMap<>();

    void put(Transaction transaction) {
        rows.put(transaction.id(), transaction);
    }

    public Optional<Transaction> get(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Returns the highest TransactionID in the table, or -1 when it is empty. */
    public long highestId() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    public List<Transaction> rows() {
        return new ArrayList<>(rows.values());
    }
}
