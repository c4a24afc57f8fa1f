#include "core/net/puller.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace jb::net {
namespace {

std::vector<std::unique_ptr<Puller>>& registry() {
    static std::vector<std::unique_ptr<Puller>> pullers;
    return pullers;
}

}  // namespace

bool register_puller(std::unique_ptr<Puller> puller) {
    registry().push_back(std::move(puller));
    return true;
}

const Puller* find_puller(std::string_view name) {
    for (const auto& puller : registry())
        if (puller->name() == name) return puller.get();
    return nullptr;
}

std::vector<const Puller*> registered_pullers() {
    std::vector<const Puller*> list;
    for (const auto& puller : registry()) list.push_back(puller.get());
    std::sort(list.begin(), list.end(), [](const Puller* a, const Puller* b) { return a->name() < b->name(); });
    return list;
}

std::string base_url_of(std::string_view host, std::string_view scheme) {
    std::string url;
    if (host.find("://") != std::string_view::npos) {
        url = std::string(host);
    } else {
        if (scheme != "http" && scheme != "https") throw Error("--scheme must be http or https, not " + std::string(scheme));
        url = std::string(scheme) + "://" + std::string(host);
    }
    if (!url.starts_with("http://") && !url.starts_with("https://"))
        throw Error("--host: " + std::string(host) + " is neither a host name nor an http(s):// URL");
    while (url.ends_with('/')) url.pop_back();
    if (url.find_first_of(" ?#") != std::string::npos)
        throw Error("--host: " + std::string(host) + " must be a host name or a base URL without query");
    return url;
}

}  // namespace jb::net
