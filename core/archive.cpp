#include "core/archive.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/temp_files.hpp"

namespace jb {
namespace {

void check_readable_archive(sql::Db& db, bool allow_older) {
    bool ok = false;
    try {
        ok = is_jbridge_archive(db) || (schema_version(db) == 0 && db.scalar("SELECT count(*) FROM sqlite_schema") == 0);
    } catch (const Error&) {
        throw Error(db.path() + ": not a jbridge archive (not an SQLite database)");
    }
    if (!ok) throw Error(db.path() + ": not a jbridge archive (an SQLite database of another program)");
    int version = schema_version(db);
    if (version > kSchemaVersion)
        throw Error(db.path() + ": archive schema version " + std::to_string(version) +
                    " was written by a newer jbridge (this one reads up to " + std::to_string(kSchemaVersion) + ")");
    if (!allow_older && version < kSchemaVersion)
        throw Error(db.path() + ": archive schema version " + std::to_string(version) +
                    " is older than this jbridge's " + std::to_string(kSchemaVersion) +
                    "; run `jbridge upgrade " + db.path() + "` first (a backup copy is a good idea)");
}

std::string temp_name_for(const std::string& path) {
    std::filesystem::path target(path);
    std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid());
    return (target.parent_path() / name).string();
}

}  // namespace

bool file_exists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

void sync_file_and_directory(const std::string& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (fd >= 0) ::close(fd);
        throw Error(file + ": cannot flush to disk");
    }
    ::close(fd);
    std::string dir = std::filesystem::path(file).parent_path().string();
    if (dir.empty()) dir = ".";
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

Archive::Archive(std::string path, std::string temp_path, std::unique_ptr<sql::Db> db)
    : path_(std::move(path)), temp_path_(std::move(temp_path)), db_(std::move(db)) {}

Archive::Archive(Archive&& other) noexcept
    : path_(std::move(other.path_)), temp_path_(std::move(other.temp_path_)), db_(std::move(other.db_)) {
    other.temp_path_.clear();
}

Archive::~Archive() {
    if (!temp_path_.empty()) {
        db_.reset();
        std::remove(temp_path_.c_str());
        unregister_temp_file(temp_path_);
    }
}

Archive Archive::open_read(const std::string& path) {
    if (!file_exists(path)) throw Error(path + ": no such archive");
    auto db = std::make_unique<sql::Db>(path, sql::Db::Mode::read_only);
    check_readable_archive(*db, false);
    db->exec("PRAGMA foreign_keys = ON");
    return Archive(path, "", std::move(db));
}

Archive Archive::open_write(const std::string& path) {
    if (!file_exists(path)) throw Error(path + ": no such archive");
    auto db = std::make_unique<sql::Db>(path, sql::Db::Mode::read_write);
    check_readable_archive(*db, true);
    db->exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL");
    return Archive(path, "", std::move(db));
}

Archive Archive::create(const std::string& path) {
    std::string temp = temp_name_for(path);
    std::remove(temp.c_str());
    register_temp_file(temp);
    auto db = std::make_unique<sql::Db>(temp, sql::Db::Mode::create, path);
    Archive archive(path, temp, std::move(db));
    // The temporary file is discarded on any failure, so a bulk load needs no journal.
    archive.db().exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                      "PRAGMA cache_size = -65536");
    return archive;
}

void Archive::publish() {
    if (temp_path_.empty()) return;
    db_->exec("PRAGMA journal_mode = DELETE");
    db_.reset();
    sync_file_and_directory(temp_path_);
    if (std::rename(temp_path_.c_str(), path_.c_str()) != 0)
        throw Error(path_ + ": cannot move the finished archive into place");
    unregister_temp_file(temp_path_);
    temp_path_.clear();
    sync_file_and_directory(path_);
}

}  // namespace jb
