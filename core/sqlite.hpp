#pragma once
#include <string>
#include <string_view>

#include "core/value.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace jb::sql {

class Db;

// A prepared statement; reset automatically before each new binding round.
class Stmt {
public:
    Stmt(Db& db, std::string_view sql);
    Stmt(Stmt&& other) noexcept;
    Stmt& operator=(Stmt&&) = delete;
    Stmt(const Stmt&) = delete;
    ~Stmt();

    Stmt& bind(int index, const Value& value);
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, std::string_view value);
    Stmt& bind_null(int index);
    Stmt& bind_blob(int index, const void* data, std::size_t size);

    bool step();        // true while a row is available
    void run();         // step to completion, then reset
    void reset();

    int columns() const;
    Value column(int index) const;
    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    std::string column_blob(int index) const;
    bool column_is_null(int index) const;

private:
    Db* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Db {
public:
    enum class Mode { read_only, read_write, create };
    // `name` is how messages name the file (default: the path), e.g. the final name of an
    // archive that is being built under a temporary one.
    Db(const std::string& path, Mode mode, const std::string& name = "");
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    void exec(std::string_view sql);
    std::int64_t scalar(std::string_view sql);  // first column of the first row, 0 if none
    int changes() const;
    const std::string& path() const { return name_; }
    sqlite3* handle() { return db_; }

    // Throws jb::Error naming the archive and SQLite's explanation.
    [[noreturn]] void fail(std::string_view what) const;

private:
    sqlite3* db_ = nullptr;
    std::string name_;
};

// RAII transaction: rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Db& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Db& db_;
    bool open_ = true;
};

}  // namespace jb::sql
