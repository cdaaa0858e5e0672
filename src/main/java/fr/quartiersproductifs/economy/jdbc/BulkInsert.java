package fr.quartiersproductifs.economy.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Many rows into one table, inside the caller's transaction: PostgreSQL's {@code COPY ... FROM
 * STDIN} when the connection is PostgreSQL's (several times faster than batched inserts for the
 * millions of rows of a national import), JDBC batches otherwise (H2). One description of the
 * columns serves both: a {@link Row} receives the values in column order.
 */
final class BulkInsert {
  private static final int BATCH = 2000;
  private static final int COPY_BUFFER = 1 << 20;

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  BulkInsert(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dataSource = jdbc.getDataSource();
  }

  /** Receives one row's values, in the order of the columns. */
  interface Row {
    void text(String value);

    void number(long value);

    void bool(boolean value);

    void date(LocalDate value);

    /** A SQL array of {@code integer}. */
    void ints(int[] values);

    /** A SQL array of {@code bigint}. */
    void longs(long[] values);
  }

  /**
   * Inserts the rows.
   *
   * @param table the table
   * @param columns its columns, comma-separated, in the order {@code fill} gives the values
   */
  <T> void insert(String table, String columns, List<T> rows, BiConsumer<T, Row> fill) {
    Stream<T> stream = stream(table, columns, fill);
    rows.forEach(stream::add);
    stream.finish();
  }

  /**
   * Rows into one table as they come, inside the caller's transaction. On PostgreSQL, one {@code
   * COPY ... FROM STDIN} stays open from the first row to {@link Stream#finish()}: the server takes
   * the rows in while the caller goes on producing them, where a {@code COPY} per batch made the
   * caller wait for the server at every batch. Elsewhere, JDBC batches of {@value #BATCH} rows. Until
   * {@link Stream#finish()} or {@link Stream#abort()}, the connection is the stream's: nothing else
   * may use it. A stream whose {@code add} or {@code finish} fails has aborted itself; database
   * errors come as Spring's ({@code DuplicateKeyException}...), as from {@link JdbcTemplate}.
   */
  <T> Stream<T> stream(String table, String columns, BiConsumer<T, Row> fill) {
    return new Stream<>(table, columns, fill);
  }

  /** An insert in progress ({@link #stream}); one thread. */
  final class Stream<T> {
    private final String table;
    private final String columns;
    private final BiConsumer<T, Row> fill;
    private final List<T> batch = new java.util.ArrayList<>();
    private Connection con;
    private CopyIn copy; // PostgreSQL, once the first row came
    private CopyRow row;
    private String insertSql; // not PostgreSQL: JDBC batches of this statement
    private boolean closed;

    private Stream(String table, String columns, BiConsumer<T, Row> fill) {
      this.table = table;
      this.columns = columns;
      this.fill = fill;
    }

    void add(T value) {
      if (closed) {
        throw new IllegalStateException("insertion terminée");
      }
      try {
        if (con == null) {
          start();
        }
        if (insertSql != null) {
          batch.add(value);
          if (batch.size() >= BATCH) {
            insertBatch();
          }
          return;
        }
        row.first = true;
        fill.accept(value, row);
        row.sb.append('\n');
        if (row.sb.length() >= COPY_BUFFER) {
          send();
        }
      } catch (SQLException | RuntimeException e) { // the database's, or fill's
        throw failed(e);
      }
    }

    /** Writes what is left and ends the insert. */
    void finish() {
      if (closed) {
        return;
      }
      try {
        if (insertSql != null) {
          insertBatch();
        } else if (copy != null) {
          send();
          copy.endCopy();
        }
      } catch (SQLException | RuntimeException e) {
        throw failed(e);
      }
      close();
    }

    /** Gives up the rows not yet ended (the transaction is rolled back anyway) and frees the connection. */
    void abort() {
      if (closed) {
        return;
      }
      try {
        if (copy != null && copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException e) {
        // the transaction's rollback reports the state of the connection
      }
      batch.clear();
      close();
    }

    private void start() throws SQLException {
      con = DataSourceUtils.getConnection(dataSource);
      if (con.isWrapperFor(PGConnection.class)) {
        copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        row = new CopyRow();
      } else {
        insertSql = "insert into " + table + " (" + columns + ") values ("
            + String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?")) + ")";
      }
    }

    private void insertBatch() {
      if (batch.isEmpty()) {
        return;
      }
      jdbc.batchUpdate(insertSql, batch, BATCH, (ps, r) -> fill.accept(r, new StatementRow(ps)));
      batch.clear();
    }

    private void send() throws SQLException {
      byte[] bytes = row.sb.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      row.sb.setLength(0);
    }

    /** Aborts, and gives the error as {@link JdbcTemplate} would (a runtime one as it came). */
    private RuntimeException failed(Exception e) {
      abort();
      if (!(e instanceof SQLException sql)) {
        return (RuntimeException) e;
      }
      String task = "COPY " + table;
      org.springframework.dao.DataAccessException d = jdbc.getExceptionTranslator().translate(task, null, sql);
      return d != null ? d : new org.springframework.jdbc.UncategorizedSQLException(task, null, sql);
    }

    private void close() {
      closed = true;
      if (con != null) {
        DataSourceUtils.releaseConnection(con, dataSource);
      }
    }
  }

  /** A row as one line of COPY's text format: tab-separated, {@code \N} for null, escaped. */
  private static final class CopyRow implements Row {
    final StringBuilder sb = new StringBuilder(COPY_BUFFER + 4096);
    boolean first;

    private void separate() {
      if (!first) {
        sb.append('\t');
      }
      first = false;
    }

    @Override
    public void text(String value) {
      separate();
      if (value == null) {
        sb.append("\\N");
        return;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> sb.append("\\\\");
          case '\t' -> sb.append("\\t");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          default -> sb.append(c);
        }
      }
    }

    @Override
    public void number(long value) {
      separate();
      sb.append(value);
    }

    @Override
    public void bool(boolean value) {
      separate();
      sb.append(value ? 't' : 'f');
    }

    @Override
    public void date(LocalDate value) {
      separate();
      if (value == null) {
        sb.append("\\N");
      } else {
        sb.append(value);
      }
    }

    @Override
    public void ints(int[] values) {
      array(values.length, i -> values[i]);
    }

    @Override
    public void longs(long[] values) {
      array(values.length, i -> values[i]);
    }

    /** An array literal of numbers: {@code {1,2,3}} (no quoting needed). */
    private void array(int length, java.util.function.IntToLongFunction value) {
      separate();
      sb.append('{');
      for (int i = 0; i < length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(value.applyAsLong(i));
      }
      sb.append('}');
    }
  }

  /** A row as the parameters of a prepared statement. */
  private static final class StatementRow implements Row {
    private final PreparedStatement ps;
    private int index = 1;

    StatementRow(PreparedStatement ps) {
      this.ps = ps;
    }

    @Override
    public void text(String value) {
      set(() -> ps.setString(index, value));
    }

    @Override
    public void number(long value) {
      set(() -> ps.setLong(index, value));
    }

    @Override
    public void bool(boolean value) {
      set(() -> ps.setBoolean(index, value));
    }

    @Override
    public void date(LocalDate value) {
      set(() -> {
        if (value == null) {
          ps.setNull(index, Types.DATE);
        } else {
          ps.setDate(index, Date.valueOf(value));
        }
      });
    }

    @Override
    public void ints(int[] values) {
      Integer[] boxed = java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
      set(() -> ps.setArray(index, ps.getConnection().createArrayOf("INTEGER", boxed)));
    }

    @Override
    public void longs(long[] values) {
      Long[] boxed = java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
      set(() -> ps.setArray(index, ps.getConnection().createArrayOf("BIGINT", boxed)));
    }

    private interface Setter {
      void set() throws SQLException;
    }

    private void set(Setter s) {
      try {
        s.set();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      index++;
    }
  }
}
