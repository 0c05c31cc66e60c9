"""Every source the course cites, once, with its full reference.

Lessons, the table of assumptions and the facilitator guide refer to these by key. A reference
marked ``secondary`` was read in a summary, not in the original, and the course says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    short: str  # how the course names it in running text: "Hall (2019)"
    full: str  # the full reference: authors, year, title, venue, volume, pages or DOI
    secondary: bool = False  # read only in a summary or a secondary source


REFERENCES: dict[str, Reference] = {
    "post": Reference(
        "Bassingthwaighte (2011)",
        "Bassingthwaighte, A. (2011, September 28). Networking is not….. [Blog post]. "
        "http://andrewbassingthwaighte.blogspot.com/2011_09_01_archive.html "
        "(the course's starting point; consulted in 2026 through a copy kept by the course team)."),
    "belot2019": Reference(
        "Belot, Kircher & Muller (2019)",
        "Belot, M., Kircher, P., & Muller, P. (2019). Providing advice to jobseekers at low "
        "cost: An experimental study on online advice. Review of Economic Studies, 86(4), "
        "1411–1447. doi:10.1093/restud/rdy059"),
    "bls-cps": Reference(
        "BLS Current Population Survey",
        "U.S. Bureau of Labor Statistics. Current Population Survey: duration of unemployment "
        "and job search methods of the unemployed (annual averages 1999, table 34; 2010 "
        "figures as reported by the Wyoming Department of Employment, Trends, February 2011).",
        secondary=True),
    "bls-duration2011": Reference(
        "BLS Current Population Survey (2011)",
        "U.S. Bureau of Labor Statistics. Current Population Survey: average (mean) duration of "
        "unemployment, seasonally adjusted, September 2011: 40.5 weeks, the highest on record "
        "(as reported in secondary summaries of the BLS series).", secondary=True),
    "bls-jolts": Reference(
        "BLS JOLTS",
        "U.S. Bureau of Labor Statistics. Job Openings and Labor Turnover Survey (JOLTS): "
        "hires rate, about 3.3–4.1% of employment a month in 2000–2014."),
    "bortnick1992": Reference(
        "Bortnick & Ports (1992)",
        "Bortnick, S. M., & Ports, M. H. (1992). Job search methods of the unemployed, 1991. "
        "Monthly Labor Review, 115(12), 29–35."),
    "brehm1966": Reference(
        "Brehm (1966)",
        "Brehm, J. W. (1966). A theory of psychological reactance. Academic Press."),
    "brooks2015": Reference(
        "Brooks, Gino & Schweitzer (2015)",
        "Brooks, A. W., Gino, F., & Schweitzer, M. E. (2015). Smart people ask for (my) "
        "advice: Seeking advice boosts perceptions of competence. Management Science, 61(6), "
        "1421–1435. doi:10.1287/mnsc.2014.2054", secondary=True),
    "brown2016": Reference(
        "Brown, Setren & Topa (2016)",
        "Brown, M., Setren, E., & Topa, G. (2016). Do informal referrals lead to better "
        "matches? Evidence from a firm's employee referral system. Journal of Labor Economics, "
        "34(1), 161–209. doi:10.1086/682338"),
    "burger2006": Reference(
        "Burger et al. (2006)",
        "Burger, J. M., Ehrlichman, A. M., Raymond, N. C., Ishikawa, J. M., & Sandoval, J. "
        "(2006). Reciprocal favor exchange and compliance. Social Influence, 1(3), 169–184."),
    "burks2015": Reference(
        "Burks, Cowgill, Hoffman & Housman (2015)",
        "Burks, S. V., Cowgill, B., Hoffman, M., & Housman, M. (2015). The value of hiring "
        "through employee referrals. Quarterly Journal of Economics, 130(2), 805–839. "
        "doi:10.1093/qje/qjv010"),
    "cacioppo1979": Reference(
        "Cacioppo & Petty (1979)",
        "Cacioppo, J. T., & Petty, R. E. (1979). Effects of message repetition and position "
        "on cognitive response, recall, and persuasion. Journal of Personality and Social "
        "Psychology, 37(1), 97–109. doi:10.1037/0022-3514.37.1.97"),
    "caplan1989": Reference(
        "Caplan, Vinokur, Price & van Ryn (1989)",
        "Caplan, R. D., Vinokur, A. D., Price, R. H., & van Ryn, M. (1989). Job seeking, "
        "reemployment, and mental health: A randomized field experiment in coping with job "
        "loss. Journal of Applied Psychology, 74(5), 759–769. doi:10.1037/0021-9010.74.5.759"),
    "casciaro2014": Reference(
        "Casciaro, Gino & Kouchaki (2014)",
        "Casciaro, T., Gino, F., & Kouchaki, M. (2014). The contaminating effects of building "
        "instrumental ties: How networking can make us feel dirty. Administrative Science "
        "Quarterly, 59(4), 705–735. doi:10.1177/0001839214554990"),
    "christian2016": Reference(
        "Christian & Griffiths (2016)",
        "Christian, B., & Griffiths, T. (2016). Algorithms to live by: The computer science of "
        "human decisions (chapter 2, Explore/Exploit). Henry Holt.", secondary=True),
    "eubanks2014": Reference(
        "Eubanks & Wiczer (2014)",
        "Eubanks, J. D., & Wiczer, D. G. (2014, January). Job searching: Some methods yield "
        "better results than others. The Regional Economist, Federal Reserve Bank of St. "
        "Louis."),
    "faberman2022": Reference(
        "Faberman, Mueller, Şahin & Topa (2022)",
        "Faberman, R. J., Mueller, A. I., Şahin, A., & Topa, G. (2022). Job search behavior "
        "among the employed and non-employed. Econometrica, 90(4), 1743–1779. "
        "doi:10.3982/ECTA18582"),
    "fernandez1997": Reference(
        "Fernandez & Weinberg (1997)",
        "Fernandez, R. M., & Weinberg, N. (1997). Sifting and sorting: Personal contacts and "
        "hiring in a retail bank. American Sociological Review, 62(6), 883–902. "
        "doi:10.2307/2657345"),
    "flynn2008": Reference(
        "Flynn & Lake (2008)",
        "Flynn, F. J., & Lake, V. K. B. (2008). If you need help, just ask: Underestimating "
        "compliance with direct requests for help. Journal of Personality and Social "
        "Psychology, 95(1), 128–143. doi:10.1037/0022-3514.95.1.128"),
    "gee2017": Reference(
        "Gee, Jones & Burke (2017)",
        "Gee, L. K., Jones, J., & Burke, M. (2017). Social networks and labor markets: How "
        "strong ties relate to job finding on Facebook's social network. Journal of Labor "
        "Economics, 35(2), 485–518. doi:10.1086/686225"),
    "granovetter1973": Reference(
        "Granovetter (1973)",
        "Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, "
        "78(6), 1360–1380. doi:10.1086/225469"),
    "granovetter1974": Reference(
        "Granovetter (1974)",
        "Granovetter, M. (1974; 2nd ed. 1995). Getting a job: A study of contacts and careers. "
        "University of Chicago Press.", secondary=True),
    "hall2019": Reference(
        "Hall (2019)",
        "Hall, J. A. (2019). How many hours does it take to make a friend? Journal of Social "
        "and Personal Relationships, 36(4), 1278–1296. doi:10.1177/0265407518761225"),
    "holzer1989": Reference(
        "Holzer (1989)",
        "Holzer, H. J. (1989). Utilization of public and private job search mechanisms. ERIC "
        "document ED 317 685."),
    "ilg2012": Reference(
        "Ilg & Theodossiou (2012)",
        "Ilg, R. E., & Theodossiou, E. (2012). Job search of the unemployed by duration of "
        "unemployment. Monthly Labor Review, 135(3), 41–49."),
    "krueger2011": Reference(
        "Krueger & Mueller (2011)",
        "Krueger, A. B., & Mueller, A. I. (2011). Job search, emotional well-being, and job "
        "finding in a period of mass unemployment: Evidence from high-frequency longitudinal "
        "data. Brookings Papers on Economic Activity, 2011(1), 1–81."),
    "kruger2005": Reference(
        "Kruger, Epley, Parker & Ng (2005)",
        "Kruger, J., Epley, N., Parker, J., & Ng, Z.-W. (2005). Egocentrism over e-mail: Can "
        "we communicate as well as we think? Journal of Personality and Social Psychology, "
        "89(6), 925–936. doi:10.1037/0022-3514.89.6.925"),
    "kuhn2014": Reference(
        "Kuhn & Mansour (2014)",
        "Kuhn, P., & Mansour, H. (2014). Is internet job search still ineffective? Economic "
        "Journal, 124(581), 1213–1233. doi:10.1111/ecoj.12119"),
    "lester2021": Reference(
        "Lester, Rivers & Topa (2021)",
        "Lester, B., Rivers, D., & Topa, G. (2021). The heterogeneous impact of referrals on "
        "labor market outcomes. Federal Reserve Bank of New York Staff Report 987."),
    "lindenfors2021": Reference(
        "Lindenfors, Wartel & Lind (2021)",
        "Lindenfors, P., Wartel, A., & Lind, J. (2021). 'Dunbar's number' deconstructed. "
        "Biology Letters, 17(5), 20210158. doi:10.1098/rsbl.2021.0158"),
    "liu2014": Reference(
        "Liu, Huang & Wang (2014)",
        "Liu, S., Huang, J. L., & Wang, M. (2014). Effectiveness of job search interventions: "
        "A meta-analytic review. Psychological Bulletin, 140(4), 1009–1041. "
        "doi:10.1037/a0035923"),
    "mehrabian1967a": Reference(
        "Mehrabian & Wiener (1967)",
        "Mehrabian, A., & Wiener, M. (1967). Decoding of inconsistent communications. Journal "
        "of Personality and Social Psychology, 6(1), 109–114.", secondary=True),
    "mehrabian1967b": Reference(
        "Mehrabian & Ferris (1967)",
        "Mehrabian, A., & Ferris, S. R. (1967). Inference of attitudes from nonverbal "
        "communication in two channels. Journal of Consulting Psychology, 31(3), 248–252.",
        secondary=True),
    "mouw2003": Reference(
        "Mouw (2003)",
        "Mouw, T. (2003). Social capital and finding a job: Do contacts matter? American "
        "Sociological Review, 68(6), 868–898. doi:10.1177/000312240306800604"),
    "mueller2021": Reference(
        "Mueller, Spinnewijn & Topa (2021)",
        "Mueller, A. I., Spinnewijn, J., & Topa, G. (2021). Job seekers' perceptions and "
        "employment prospects: Heterogeneity, duration dependence, and bias. American "
        "Economic Review, 111(1), 324–363. doi:10.1257/aer.20190808"),
    "neal2024": Reference(
        "Neal (2024)",
        "Neal, Z. P. (2024). The not-so-forbidden triad: Evaluating the assumptions of the "
        "strength of weak ties. Network Science (Cambridge University Press)."),
    "pew2024": Reference(
        "Pew Research Center (2021; 2024)",
        "Pew Research Center (2021, April 7; 2024, January 31). Social media use in 2021; "
        "Americans' social media use. Figures as reported in secondary summaries.",
        secondary=True),
    "rajkumar2022": Reference(
        "Rajkumar, Saint-Jacques, Bojinov, Brynjolfsson & Aral (2022)",
        "Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E., & Aral, S. (2022). A "
        "causal test of the strength of weak ties. Science, 377(6612), 1304–1310. "
        "doi:10.1126/science.abl4476"),
    "regan1971": Reference(
        "Regan (1971)",
        "Regan, D. T. (1971). Effects of a favor and liking on compliance. Journal of "
        "Experimental Social Psychology, 7(6), 627–639. doi:10.1016/0022-1031(71)90025-4"),
    "robbins1952": Reference(
        "Robbins (1952)",
        "Robbins, H. (1952). Some aspects of the sequential design of experiments. Bulletin "
        "of the American Mathematical Society, 58(5), 527–535.", secondary=True),
    "roghanizad2017": Reference(
        "Roghanizad & Bohns (2017)",
        "Roghanizad, M. M., & Bohns, V. K. (2017). Ask in person: You're less persuasive than "
        "you think over email. Journal of Experimental Social Psychology, 69, 223–226. "
        "doi:10.1016/j.jesp.2016.10.002 (the '34 times' and '7 in 10' figures are from "
        "summaries of the study)."),
    "schroeder2015": Reference(
        "Schroeder & Epley (2015)",
        "Schroeder, J., & Epley, N. (2015). The sound of intellect: Speech reveals a "
        "thoughtful mind, increasing a job candidate's appeal. Psychological Science, 26(6), "
        "877–891. doi:10.1177/0956797615572906"),
    "smith2005": Reference(
        "Smith (2005)",
        "Smith, S. S. (2005). \"Don't put my name on it\": Social capital activation and "
        "job-finding assistance among the black urban poor. American Journal of Sociology, "
        "111(1), 1–57. doi:10.1086/428814"),
    "vanderklaauw2022": Reference(
        "van der Klaauw & Vethaak (2022)",
        "van der Klaauw, B., & Vethaak, H. (2022). Empirical evaluation of broader job search "
        "requirements for unemployed workers. CEPR Discussion Paper 17734 / IZA Discussion "
        "Paper 15698."),
    "vanhoye2009": Reference(
        "Van Hoye, van Hooft & Lievens (2009)",
        "Van Hoye, G., van Hooft, E. A. J., & Lievens, F. (2009). Networking as a job search "
        "behaviour: A social network perspective. Journal of Occupational and Organizational "
        "Psychology, 82(3), 661–682. doi:10.1348/096317908X360675"),
    "wanberg2020": Reference(
        "Wanberg, van Hooft, Liu & Csillag (2020)",
        "Wanberg, C. R., van Hooft, E. A. J., Liu, S., & Csillag, B. (2020). Can job seekers "
        "achieve more through networking? The role of networking intensity, self-efficacy, "
        "and proximal benefits. Personnel Psychology, 73(4), 559–585."),
}


def cite(key: str) -> str:
    """The short form of a reference, for running text."""
    return REFERENCES[key].short


def full(key: str) -> str:
    """The full reference."""
    return REFERENCES[key].full
