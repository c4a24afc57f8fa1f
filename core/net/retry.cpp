#include "core/net/retry.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace jb::net {

bool looks_like_html(std::string_view body) {
    std::size_t i = 0;
    if (body.starts_with("\xEF\xBB\xBF")) i = 3;
    while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    if (i >= body.size() || body[i] != '<') return false;
    std::string head;
    for (std::size_t j = i; j < body.size() && head.size() < 15; ++j)
        head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(body[j]))));
    return head.starts_with("<!doctype") || head.starts_with("<html") || head.starts_with("<head") ||
           head.starts_with("<body") || head.starts_with("<!--") || head.starts_with("<div") || head.starts_with("<h1") ||
           head.starts_with("<p");
}

std::optional<std::string> retry_reason(const Request& request, const Response& response,
                                        const RetryPredicate& platform_says_retry) {
    if (response.transport_failed()) return "connection broke off: " + response.transport_error;
    int status = response.status;
    if (status == 408) return "HTTP 408 (request timeout)";
    if (status == 429) return "HTTP 429 (too many requests)";
    if (status >= 500 && status <= 599) return "HTTP " + std::to_string(status) + " (server error or maintenance)";
    if (platform_says_retry && platform_says_retry(response))
        return "HTTP " + std::to_string(status) + " with a request-limit answer";
    if (request.expects_json && status >= 200 && status < 300) {
        if (looks_like_html(response.body)) return "an HTML page where JSON was expected";
        if (!nlohmann::json::accept(response.body)) return "the JSON answer is cut off or malformed";
    }
    return std::nullopt;
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, std::uint64_t random,
                                        const Response* response) {
    using std::chrono::milliseconds;
    std::int64_t cap = std::max<std::int64_t>(policy.max_delay.count(), 0);
    std::int64_t full = std::max<std::int64_t>(policy.initial_delay.count(), 0);
    for (int i = 1; i < retry && full < cap; ++i) full *= 2;
    full = std::min(full, cap);
    std::int64_t half = full / 2;
    std::int64_t delay = half + (full - half > 0 ? static_cast<std::int64_t>(random % static_cast<std::uint64_t>(full - half + 1)) : 0);
    if (response) {
        if (auto after = response->header("Retry-After")) {
            try {
                std::size_t used = 0;
                long long seconds = std::stoll(*after, &used);
                if (used == after->size() && seconds > 0) delay = std::max<std::int64_t>(delay, std::min<std::int64_t>(seconds * 1000, cap));
            } catch (const std::exception&) {
                // an HTTP date or garbage: keep our own delay
            }
        }
    }
    return milliseconds(delay);
}

}  // namespace jb::net
