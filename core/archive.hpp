#pragma once
#include <memory>
#include <string>

#include "core/sqlite.hpp"

namespace jb {

// A jbridge archive: one SQLite file. A new archive is built under a temporary name beside the
// target and renamed into place only by publish(); an existing one is changed inside transactions.
class Archive {
public:
    // An existing archive for reading. Refuses files that are not jbridge archives, archives from a
    // newer jbridge, and archives of an older schema (they need `jbridge upgrade` first).
    static Archive open_read(const std::string& path);
    // An existing archive for writing; the caller migrates it inside its own transaction.
    static Archive open_write(const std::string& path);
    // A new, empty archive under a temporary name; nothing appears at `path` until publish().
    static Archive create(const std::string& path);

    Archive(Archive&&) noexcept;
    Archive& operator=(Archive&&) = delete;
    ~Archive();

    sql::Db& db() { return *db_; }
    const std::string& path() const { return path_; }
    bool is_new() const { return !temp_path_.empty(); }

    // For a new archive: switch to durable settings, close, fsync and rename into place.
    void publish();

private:
    Archive(std::string path, std::string temp_path, std::unique_ptr<sql::Db> db);
    std::string path_;
    std::string temp_path_;
    std::unique_ptr<sql::Db> db_;
};

bool file_exists(const std::string& path);
// fsync a file, then its directory, so a rename is durable.
void sync_file_and_directory(const std::string& file);

}  // namespace jb
