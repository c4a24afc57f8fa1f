#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jb::validate {

// Looks for secrets left in a raw capture, streamed in pieces: `key=value` in query strings, forms
// and cookies; "key": "value" in JSON; HAR name/value pairs ({"name": "password", "value": …}) and
// headers (Cookie, Authorization). A value that is empty or marked as redacted does not count.
// Reports which keys or headers hold a value, never the value.
class SecretScanner {
public:
    SecretScanner(std::vector<std::string> keys, std::vector<std::string> headers, std::vector<std::string> redacted);
    void feed(std::string_view piece);
    void finish();
    const std::set<std::string>& found() const { return found_; }

private:
    void scan(const std::string& text, std::size_t from);
    bool redacted(std::string_view value) const;
    std::vector<std::string> keys_, headers_, redacted_;
    std::string window_;  // lower-cased tail of the previous piece + the current one
    std::set<std::string> found_;
};

}  // namespace jb::validate
