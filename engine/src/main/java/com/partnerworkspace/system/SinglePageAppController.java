package com.partnerworkspace.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Deep links into the Angular app (e.g. a reload on /credentials) get the app's index page. */
@Controller
class SinglePageAppController {

    @GetMapping({"/workspace/**", "/inbox/**", "/credentials/**", "/delegations/**", "/alerts/**",
            "/diagnostics/**", "/audit/**", "/models/**", "/share/**"})
    String app() {
        return "forward:/index.html";
    }
}
