package io.auditflow.operations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Runs in its own JVM (see H2DurabilityTest): commits one row after the other into the H2 file
 * database given as argument and prints "committed N" after each commit returned, until killed.
 */
public final class H2CommitWriter {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists durability_probe (id int primary key, payload varchar(200))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into durability_probe values (?, ?)")) {
                for (int i = 1; ; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "row " + i + " of a committed transaction");
                    insert.executeUpdate();
                    c.commit();
                    System.out.println("committed " + i);
                    System.out.flush();
                }
            }
        }
    }
}
