#pragma once
#include <map>
#include <memory>
#include <string>

#include "core/sink.hpp"

namespace jb {
namespace sql {
class Db;
class Stmt;
}

// The archive side of an import: an idempotent upsert per record by its natural-key id, with one
// prepared statement per table. Re-sending an identical record changes nothing; a changed value
// replaces the old one, but an empty text or a null never erases a value the archive holds.
class Store : public Sink {
public:
    explicit Store(sql::Db& db);
    ~Store() override;

    void put(const TableSpec& spec, const Row& row) override;

    std::int64_t records() const { return records_; }
    std::int64_t written() const { return written_; }  // inserted or changed
    std::map<std::string, std::int64_t> per_table() const;

private:
    sql::Db& db_;
    struct TableState {
        std::unique_ptr<sql::Stmt> upsert;
        std::int64_t records = 0;
    };
    TableState& state_for(const TableSpec& spec);
    std::map<const TableSpec*, TableState> tables_;
    const TableSpec* last_spec_ = nullptr;  // records come in runs of one table
    TableState* last_state_ = nullptr;
    std::int64_t records_ = 0;
    std::int64_t written_ = 0;
};

std::string upsert_sql(const TableSpec& spec);

// Throws jb::Error when a value breaks its column's enumeration or date/time/timestamp format
// (SQLite checks the types and enumerations too, but with less helpful messages).
void check_row(const TableSpec& spec, const Row& row);

}  // namespace jb
