#pragma once
#include <cstdint>
#include <functional>
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

    // For a new archive's first load. Records go to temporary tables in arrival order (appends
    // cost the same at any size), and merge_staged() applies them to the archive sorted by id,
    // so its B-trees fill front to back instead of at a random page per record. The result is
    // the same as putting them one by one: records of one id still apply in arrival order.
    void stage_in_temporary_tables();
    // `on_table(done, total)` after each table is merged.
    void merge_staged(const std::function<void(std::int64_t, std::int64_t)>& on_table = {});

    std::int64_t records() const { return records_; }
    std::int64_t written() const { return written_; }  // inserted or changed
    std::map<std::string, std::int64_t> per_table() const;

private:
    sql::Db& db_;
    struct TableState {
        std::unique_ptr<sql::Stmt> upsert;  // or, while staging, the append to the stage table
        std::int64_t records = 0;
        bool staged = false;
    };
    TableState& state_for(const TableSpec& spec);
    std::map<const TableSpec*, TableState> tables_;
    const TableSpec* last_spec_ = nullptr;  // records come in runs of one table
    TableState* last_state_ = nullptr;
    std::int64_t records_ = 0;
    std::int64_t written_ = 0;
    bool staging_ = false;
};

std::string upsert_sql(const TableSpec& spec);

// Throws jb::Error when a value breaks its column's enumeration or date/time/timestamp format
// (SQLite checks the types and enumerations too, but with less helpful messages).
void check_row(const TableSpec& spec, const Row& row);

}  // namespace jb
