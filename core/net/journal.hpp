#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jb::net {

// The finished exchanges of one pull, one HAR entry per line, appended as each request finishes.
// A pull killed at any moment is continued by the next run with the same identity: what the
// journal holds is replayed instead of asked again. A line cut off by the kill is dropped.
// Only offsets are kept in memory; entries are read back from the file when needed.
class Journal {
public:
    // Opens or creates (mode 0600) the journal; refuses one written by a pull with another identity.
    Journal(std::string path, std::string identity);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    std::optional<std::string> find(const std::string& key) const;  // the HAR entry line
    void append(const std::string& key, const std::string& entry_line);  // thread-safe
    std::size_t size() const;             // entries held
    std::size_t loaded_at_start() const { return loaded_; }
    const std::string& path() const { return path_; }
    void remove();  // the pull is complete

private:
    struct Slot {
        std::int64_t offset = 0;
        std::size_t length = 0;
    };
    std::string path_;
    int fd_ = -1;
    std::int64_t end_ = 0;
    std::size_t loaded_ = 0;
    std::unordered_map<std::string, Slot> index_;
    mutable std::mutex mutex_;
};

// Key of a request in the journal: method, scrubbed URL and scrubbed body.
std::string journal_key(std::string_view method, std::string_view url, std::string_view body);

}  // namespace jb::net
