#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/net/http.hpp"

namespace jb::net {

struct RetryPolicy {
    int max_attempts = 8;                          // first try included
    std::chrono::milliseconds initial_delay{500};  // before the second try
    std::chrono::milliseconds max_delay{60000};
};

// A platform's own "try again later" answers (e.g. a JSON error type for a request limit).
using RetryPredicate = std::function<bool(const Response&)>;

// Why the exchange should be tried again, or nullopt when its answer is final: a broken
// connection or cut-off body, 408, 429, any 5xx (550 included), an HTML page or unparsable JSON
// where JSON was expected, or whatever `platform_says_retry` recognises.
std::optional<std::string> retry_reason(const Request& request, const Response& response,
                                        const RetryPredicate& platform_says_retry = {});

// Exponential backoff with jitter: a delay drawn from [d/2, d] where d = initial·2^(retry-1),
// capped at max_delay; a Retry-After of the answer (seconds) is honoured up to max_delay.
// `retry` counts from 1; `random` is any 64-bit random number.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, std::uint64_t random,
                                        const Response* response = nullptr);

bool looks_like_html(std::string_view body);

}  // namespace jb::net
