#include "core/net/journal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/net/scrub.hpp"

namespace jb::net {
namespace {

using nlohmann::json;

std::string header_line(const std::string& identity) {
    return json{{"jbridge-pull-journal", 1}, {"identity", identity}}.dump() + "\n";
}

void write_all(int fd, std::string_view data, const std::string& path) {
    while (!data.empty()) {
        ssize_t written = ::write(fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            throw Error(path + ": cannot write the pull journal: " + std::strerror(errno));
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
}

}  // namespace

std::string journal_key(std::string_view method, std::string_view url, std::string_view body) {
    std::string key(method);
    key += ' ';
    key += scrub_url(url);
    if (!body.empty()) {
        key += '\n';
        key += scrub_body(body, "");
    }
    return key;
}

Journal::Journal(std::string path, std::string identity) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) throw Error(path_ + ": cannot open the pull journal: " + std::strerror(errno));
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        ssize_t got = ::read(fd_, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(path_ + ": cannot read the pull journal: " + std::strerror(errno));
        }
        if (got == 0) break;
        text.append(buffer, static_cast<std::size_t>(got));
    }
    std::string expected_header = header_line(identity);
    std::size_t good_end = 0;
    if (text.empty()) {
        write_all(fd_, expected_header, path_);
        end_ = static_cast<std::int64_t>(expected_header.size());
        return;
    }
    if (!text.starts_with(expected_header)) {
        std::size_t newline = text.find('\n');
        json header = json::parse(text.substr(0, newline), nullptr, false);
        std::string other = header.is_object() && header.contains("identity") && header["identity"].is_string()
                                ? header["identity"].get<std::string>()
                                : "something that is not a pull journal";
        ::close(fd_);
        fd_ = -1;
        throw Error(path_ + ": this journal belongs to another pull (" + other + ", not " + identity +
                    "); run that pull again to finish it, or delete the journal to start afresh");
    }
    good_end = expected_header.size();
    std::size_t position = good_end;
    while (position < text.size()) {
        std::size_t newline = text.find('\n', position);
        if (newline == std::string::npos) break;  // cut off by a kill: asked again
        std::string_view line(text.data() + position, newline - position);
        std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) break;
        json key = json::parse(line.substr(0, tab), nullptr, false);
        std::string_view entry = line.substr(tab + 1);
        if (!key.is_string() || !json::accept(entry)) break;
        index_[key.get<std::string>()] = Slot{static_cast<std::int64_t>(position + tab + 1), entry.size()};
        position = newline + 1;
        good_end = position;
    }
    if (good_end < text.size() && ::ftruncate(fd_, static_cast<off_t>(good_end)) != 0)
        throw Error(path_ + ": cannot repair the pull journal: " + std::strerror(errno));
    end_ = static_cast<std::int64_t>(good_end);
    loaded_ = index_.size();
}

Journal::~Journal() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<std::string> Journal::find(const std::string& key) const {
    Slot slot;
    {
        std::lock_guard lock(mutex_);
        auto found = index_.find(key);
        if (found == index_.end()) return std::nullopt;
        slot = found->second;
    }
    std::string entry(slot.length, '\0');
    std::size_t done = 0;
    while (done < slot.length) {
        ssize_t got = ::pread(fd_, entry.data() + done, slot.length - done, static_cast<off_t>(slot.offset) + static_cast<off_t>(done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) throw Error(path_ + ": cannot read back the pull journal: " + std::strerror(errno));
        done += static_cast<std::size_t>(got);
    }
    return entry;
}

void Journal::append(const std::string& key, const std::string& entry_line) {
    std::string key_json = json(key).dump();
    std::string line = key_json + "\t" + entry_line + "\n";
    std::lock_guard lock(mutex_);
    if (::lseek(fd_, static_cast<off_t>(end_), SEEK_SET) < 0)
        throw Error(path_ + ": cannot append to the pull journal: " + std::strerror(errno));
    write_all(fd_, line, path_);
    index_[key] = Slot{end_ + static_cast<std::int64_t>(key_json.size() + 1), entry_line.size()};
    end_ += static_cast<std::int64_t>(line.size());
}

std::size_t Journal::size() const {
    std::lock_guard lock(mutex_);
    return index_.size();
}

void Journal::remove() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink(path_.c_str());
}

}  // namespace jb::net
