#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "core/net/http.hpp"

namespace jb {
class AtomicFile;
}

namespace jb::net {

// The HAR 1.2 entry of one exchange as one line of JSON, secrets scrubbed (see scrub.hpp). A body
// that is not UTF-8 is stored base64-encoded, as browsers do.
std::string har_entry_line(const Request& request, const Response& response);

// The request key and the answer back from such a line (replaying a journal); throws jb::Error
// when the line is not an entry.
struct ReplayedEntry {
    std::string method, url;
    Response response;
};
ReplayedEntry parse_har_entry_line(std::string_view line);

// Writes a HAR 1.2 file entry by entry under a temporary name; commit() renames it into place.
class HarWriter {
public:
    explicit HarWriter(const std::string& path);
    ~HarWriter();
    void add(std::string_view entry_line);
    void commit();

private:
    std::unique_ptr<AtomicFile> file_;
    bool first_ = true;
};

}  // namespace jb::net
