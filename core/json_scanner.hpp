#pragma once
// A streaming JSON reader for very large documents (a year's HAR is ~1 GB): it walks the bytes
// once, in chunks, and reports events to a handler with nlohmann's SAX method names (null, boolean,
// number_integer, number_unsigned, number_float, string, key, start_object, end_object,
// start_array, end_array). Long strings — HAR bodies are JSON documents escaped into one string —
// are copied run by run instead of byte by byte. It accepts exactly RFC 8259 JSON (the same
// documents nlohmann::json::parse accepts, up to a nesting limit) and throws jb::Error naming the
// input, line and byte for anything else.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace jb::json_scan {

constexpr std::size_t kMaxDepth = 1000;

// Hands out the input in consecutive chunks; an empty chunk means the end.
class Source {
public:
    virtual ~Source() = default;
    virtual std::string_view next_chunk() = 0;
};

class TextSource : public Source {
public:
    explicit TextSource(std::string_view text) : text_(text) {}
    std::string_view next_chunk() override { return std::exchange(text_, std::string_view{}); }

private:
    std::string_view text_;
};

template <typename Handler>
class Scanner {
public:
    Scanner(Source& source, Handler& handler, std::string name) : source_(source), handler_(handler), name_(std::move(name)) {}

    // Reads one JSON document and requires nothing but white space after it.
    void run() {
        std::vector<char> open;  // '{' or '[' per open container
        for (;;) {
            skip_space();
            const int c = peek();
            bool complete = true;
            switch (c) {
                case -1: fail("unexpected end of input; expected a value");
                case '{':
                    advance();
                    if (open.size() >= kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
                    handler_.start_object(static_cast<std::size_t>(-1));
                    open.push_back('{');
                    skip_space();
                    if (peek() == '}') {
                        advance();
                        handler_.end_object();
                        open.pop_back();
                    } else {
                        read_key();
                        complete = false;
                    }
                    break;
                case '[':
                    advance();
                    if (open.size() >= kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
                    handler_.start_array(static_cast<std::size_t>(-1));
                    open.push_back('[');
                    skip_space();
                    if (peek() == ']') {
                        advance();
                        handler_.end_array();
                        open.pop_back();
                    } else {
                        complete = false;
                    }
                    break;
                case '"':
                    advance();
                    read_string(text_);
                    handler_.string(text_);
                    break;
                case 't': read_literal("true"), handler_.boolean(true); break;
                case 'f': read_literal("false"), handler_.boolean(false); break;
                case 'n': read_literal("null"), handler_.null(); break;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        read_number();
                    } else {
                        fail(std::string("unexpected ") + describe(c) + "; expected a value");
                    }
            }
            if (!complete) continue;
            if (!close_containers(open)) return;
        }
    }

private:
    // After a complete value: consumes closing brackets and one comma; false when the document ended.
    bool close_containers(std::vector<char>& open) {
        for (;;) {
            skip_space();
            const int c = peek();
            if (open.empty()) {
                if (c != -1) fail(std::string("unexpected ") + describe(c) + " after the end of the document");
                return false;
            }
            if (c == ',') {
                advance();
                if (open.back() == '{') {
                    skip_space();
                    read_key();
                }
                return true;
            }
            if (c == '}' && open.back() == '{') {
                advance();
                handler_.end_object();
                open.pop_back();
            } else if (c == ']' && open.back() == '[') {
                advance();
                handler_.end_array();
                open.pop_back();
            } else {
                fail(c == -1 ? std::string("unexpected end of input")
                             : std::string("unexpected ") + describe(c) + "; expected ',' or '" +
                                   (open.back() == '{' ? "}" : "]") + "'");
            }
        }
    }

    void read_key() {
        if (peek() != '"') fail(std::string("unexpected ") + describe(peek()) + "; expected a member name in quotes");
        advance();
        read_string(text_);
        handler_.key(text_);
        skip_space();
        if (peek() != ':') fail(std::string("unexpected ") + describe(peek()) + "; expected ':'");
        advance();
    }

    void read_string(std::string& out) {
        out.clear();
        for (;;) {
            if (pos_ == chunk_.size() && !refill()) fail("unexpected end of input inside a string");
            const char* begin = chunk_.data() + pos_;
            const char* end = chunk_.data() + chunk_.size();
            const char* p = begin;
            while (p < end) {
                const auto ch = static_cast<unsigned char>(*p);
                if (ch == '"' || ch == '\\' || ch < 0x20) break;
                ++p;
            }
            out.append(begin, p);
            pos_ += static_cast<std::size_t>(p - begin);
            if (p == end) continue;
            const auto ch = static_cast<unsigned char>(*p);
            advance();
            if (ch == '"') break;
            if (ch < 0x20) fail("a control character inside a string must be escaped");
            read_escape(out);
        }
        if (!is_valid_utf8(out)) fail("a string is not valid UTF-8 (is the file in another encoding?)");
    }

    void read_escape(std::string& out) {
        const int e = next_or_fail("inside an escape");
        switch (e) {
            case '"': out += '"'; return;
            case '\\': out += '\\'; return;
            case '/': out += '/'; return;
            case 'b': out += '\b'; return;
            case 'f': out += '\f'; return;
            case 'n': out += '\n'; return;
            case 'r': out += '\r'; return;
            case 't': out += '\t'; return;
            case 'u': break;
            default: fail("invalid escape \\" + std::string(1, static_cast<char>(e)) + " in a string");
        }
        std::uint32_t cp = read_hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail("a lone low surrogate \\u escape in a string");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (next_or_fail("inside an escape") != '\\' || next_or_fail("inside an escape") != 'u')
                fail("a high surrogate \\u escape must be followed by a low one");
            const std::uint32_t low = read_hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate \\u escape must be followed by a low one");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
    }

    std::uint32_t read_hex4() {
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = next_or_fail("inside a \\u escape");
            std::uint32_t digit = 0;
            if (h >= '0' && h <= '9') {
                digit = static_cast<std::uint32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                digit = static_cast<std::uint32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                digit = static_cast<std::uint32_t>(h - 'A' + 10);
            } else {
                fail("a \\u escape needs four hexadecimal digits");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    void read_number() {
        number_.clear();
        bool integral = true;
        auto take_digits = [&]() {
            std::size_t count = 0;
            for (int c = peek(); c >= '0' && c <= '9'; c = peek()) {
                number_ += static_cast<char>(c);
                advance();
                ++count;
            }
            return count;
        };
        if (peek() == '-') {
            number_ += '-';
            advance();
        }
        if (peek() == '0') {
            number_ += '0';
            advance();
        } else if (take_digits() == 0) {
            fail("a number needs digits after '-'");
        }
        if (peek() == '.') {
            integral = false;
            number_ += '.';
            advance();
            if (take_digits() == 0) fail("a number needs digits after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            number_ += 'e';
            advance();
            if (peek() == '+' || peek() == '-') {
                number_ += static_cast<char>(peek());
                advance();
            }
            if (take_digits() == 0) fail("a number needs digits in its exponent");
        }
        const char* first = number_.data();
        const char* last = first + number_.size();
        if (integral) {
            if (number_[0] == '-') {
                std::int64_t value = 0;
                if (std::from_chars(first, last, value).ec == std::errc{}) return void(handler_.number_integer(value));
            } else {
                std::uint64_t value = 0;
                if (std::from_chars(first, last, value).ec == std::errc{}) return void(handler_.number_unsigned(value));
            }
        }
        double value = 0;
        const auto result = std::from_chars(first, last, value);
        if (result.ec == std::errc::result_out_of_range) {
            // Underflow rounds to zero as JSON parsers do; overflow is refused.
            const bool tiny = number_.find("e-") != std::string::npos;
            if (!tiny) fail("number " + number_ + " is out of range");
            value = number_[0] == '-' ? -0.0 : 0.0;
        } else if (result.ec != std::errc{} || !std::isfinite(value)) {
            fail("number " + number_ + " is out of range");
        }
        handler_.number_float(value, number_);
    }

    void read_literal(std::string_view word) {
        for (const char expected : word) {
            if (peek() != expected) fail("invalid literal; expected '" + std::string(word) + "'");
            advance();
        }
    }

    void skip_space() {
        for (;;) {
            if (pos_ == chunk_.size() && !refill()) return;
            const char c = chunk_[pos_];
            if (c == '\n') {
                ++line_;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            ++pos_;
        }
    }

    int peek() {
        if (pos_ == chunk_.size() && !refill()) return -1;
        return static_cast<unsigned char>(chunk_[pos_]);
    }
    void advance() { ++pos_; }
    int next_or_fail(const char* where) {
        const int c = peek();
        if (c == -1) fail(std::string("unexpected end of input ") + where);
        advance();
        return c;
    }
    bool refill() {
        consumed_ += chunk_.size();
        chunk_ = source_.next_chunk();
        pos_ = 0;
        return !chunk_.empty();
    }

    static std::string describe(int c) {
        if (c == -1) return "end of input";
        if (c == '<') return "'<' (an HTML page?)";
        if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "0x%02X", c);
        return std::string("byte ") + buffer;
    }

    [[noreturn]] void fail(const std::string& what) const {
        const bool at_end = what.rfind("unexpected end of input", 0) == 0;
        throw Error(name_ + ": line " + std::to_string(line_) + ", byte " + std::to_string(consumed_ + pos_) + ": " + what +
                    (at_end ? " (is the file truncated?)" : ""));
    }

    Source& source_;
    Handler& handler_;
    std::string name_;
    std::string_view chunk_;
    std::size_t pos_ = 0;
    std::uint64_t consumed_ = 0;
    std::size_t line_ = 1;
    std::string text_;
    std::string number_;
};

}  // namespace jb::json_scan
