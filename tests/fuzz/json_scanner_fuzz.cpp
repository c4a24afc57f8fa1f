// Differential fuzzing of the streaming JSON scanner against nlohmann::json::parse: for any bytes,
// both accept with the same document or both refuse (documents nested deeper than the scanner's
// limit excepted). Run: build-fuzz/tests/fuzz/json_scanner_fuzz -max_total_time=600 corpus/
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/json_scanner.hpp"

namespace {

using json = nlohmann::json;

class DomBuilder {
public:
    json root;
    void null() { put(nullptr); }
    void boolean(bool v) { put(v); }
    void number_integer(std::int64_t v) { put(v); }
    void number_unsigned(std::uint64_t v) { put(v); }
    void number_float(double v, const std::string&) { put(v); }
    void string(std::string& v) { put(v); }
    void key(std::string& k) { key_ = k; }
    void start_object(std::size_t) { open(json::object()); }
    void start_array(std::size_t) { open(json::array()); }
    void end_object() { stack_.pop_back(); }
    void end_array() { stack_.pop_back(); }

private:
    json* put(json v) {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        parent[key_] = std::move(v);
        return &parent[key_];
    }
    void open(json v) { stack_.push_back(put(std::move(v))); }
    std::vector<json*> stack_;
    std::string key_;
};

// Splits the input into chunks of varying size, so values straddle chunk boundaries.
class ChoppedSource : public jb::json_scan::Source {
public:
    explicit ChoppedSource(std::string_view text) : text_(text) {}
    std::string_view next_chunk() override {
        const std::size_t size = std::min(text_.size(), std::size_t{1} + (step_++ * 7) % 13);
        const auto chunk = text_.substr(0, size);
        text_.remove_prefix(size);
        return chunk;
    }

private:
    std::string_view text_;
    std::size_t step_ = 0;
};

std::size_t depth_of(std::string_view text) {
    std::size_t depth = 0, max = 0;
    for (const char c : text) {
        if (c == '[' || c == '{') max = std::max(max, ++depth);
        if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return max;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") return 0;  // nlohmann skips a BOM; jbridge strips it before scanning
    std::optional<json> reference;
    try {
        reference = json::parse(text);
    } catch (const json::exception&) {
    }
    DomBuilder builder;
    ChoppedSource source(text);
    jb::json_scan::Scanner<DomBuilder> scanner(source, builder, "fuzz");
    bool accepted = true;
    try {
        scanner.run();
    } catch (const jb::Error&) {
        accepted = false;
    }
    // nlohmann ends the input at a NUL byte; the scanner refuses one (a zero-filled tail is damage).
    if (text.find('\0') != std::string_view::npos) return 0;
    if (depth_of(text) >= jb::json_scan::kMaxDepth) return 0;
    if (accepted != reference.has_value()) std::abort();
    if (accepted && builder.root != *reference) std::abort();
    return 0;
}
