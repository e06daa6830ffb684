# Recommendation paragraphs, cycle 2
C2_TEXT = {
 "1.a": [
  [
   "p",
   "Your city may look towards drafting a data policy that acts as a frame of reference for all data initiatives undertaken in the city. Smart Cities Mission, MoHUA has published a reference guide available on the Smart Cities Open Data Portal that may help the city understand the various elements to form a robust data policy. Finally, your city is advised to get this approved by the Municipal Commissioner / Smart City CEO for implementation."
  ]
 ],
 "1.c&1.d": [
  [
   "p",
   "Dedicated city budget will ensure continuity of activities for building data blocks in the city. Your city is advised to allocate budget for the following data activities (non-exhaustive):"
  ],
  [
   "ul",
   [
    "Salaries for data team including but not limited to CDO, data coordinators, data specialists, data analysts, database administrator, etc.",
    "Analytics software for data analysis.",
    "Setup of surveillance systems, ICCC, etc. (only software) that enables improved and accurate data collection and analysis.",
    "Capacity Building sessions/regional workshops/courses/certifications for upskilling of data team.",
    "Expenses for organizing data hackathons / data challenges, including prize money."
   ]
  ],
  [
   "p",
   "It is recommended that the city allocates budget for the data activities. This budget may be included as a sub line item under A&OE expenses or IT expenses of the smart city SPV's overall budget, or the Municipal IT budget."
  ]
 ],
 "1.b": [
  [
   "p",
   "Further to the NDSAP policy, Smart Cities Mission, MoHUA has published a reference guide available on the Smart Cities Open Data Portal that may help the city understand the elements that need to be included to form a robust data policy. Your city may refer to this guide and modify/append the content to suit the current and future needs of the city."
  ]
 ],
 "2.a": [
  [
   "p",
   "Your city may look to appoint a full-time CDO, either in Municipal Corporation or in Smart City SPV, to lead and operationalize data-related activities as per the Job Description circulated in the HR guidelines for Smart Cities SPV. Appointment of a full-time CDO will help in effective management of data-related activities in the city. It will also ensure continuity of city's progress towards becoming 'DataSmart'."
  ]
 ],
 "2.b": [
  [
   "p",
   "Data coordinators help support and drive the data activities, including data collection, data publishing, analytics, etc., within their respective teams/departments. Your city is advised to work towards appointing a minimum of one data coordinator in each department for smooth operations and interdepartmental coordination for implementation of the DataSmart Cities Strategy and City Data Policy."
  ]
 ],
 "2.c": [
  [
   "p",
   "Data team is not limited to CDO and data coordinators. City may consider appointing the following members to carry forward data-specific activities to effectively use city's data"
  ],
  [
   "ul",
   [
    "Data Policy & Regulatory expert",
    "Capacity Building & Stakeholders' Outreach expert",
    "Survey Lead",
    "Data Scientist",
    "Statistician",
    "Data Architecture expert",
    "Open Data expert",
    "Data Engineer",
    "Data Analyst",
    "Web developer",
    "GIS expert"
   ]
  ]
 ],
 "2.d": [
  [
   "p",
   "Your city's data team is advised to attend all trainings organized by the Ministry on important topics such as Smart Cities Open Data Portal, Hackathons, Alliances, GMIS, SmartCode, City Innovation Challenge (CiX), IUDX, etc. to educate and upskill themselves and therefore translate the learnings into active implementation within your city."
  ]
 ],
 "2.e": [
  [
   "p",
   "CDO, along with your data team, is advised to identify the focus areas that will help operationalize data culture in the city. Capacity building may include departmental / city workshops conducted to organise activities for implementation of DataSmart Cities Strategy or to upskill the data team by conducting data-related certification courses or sessions/workshops conducted by external experts on topics related to data such as data privacy, policy formulation, analysing geospatial data, etc. These activities will help your city in leveraging the latest tools and technologies for making the city DataSmart."
  ]
 ],
 "3.a": [
  [
   "p",
   "Your city is advised to identify specific problems where city needs support from other stakeholders. Your city may like to initiate the process of forming alliances for data sharing, or implementation support or other activities, between local colleges & universities, industry bodies, start-ups and civil society organizations. Alliance may be with a single organisation or multiple organisations at once. The Alliance should clearly specify the partners involved, their roles and responsibilities (across Government, Industry, Academia & Community), the purpose and scope of the partnership, time period, the Mode of execution (informal, MoU etc.) and the expected outcomes intended to be achieved via this partnership."
  ]
 ],
 "3.b": [
  [
   "p",
   "Your city is advised to leverage Hackathons as a means to crowdsource solutions to the complex urban challenges. In order to drive innovation, your city is advised to hold Hackathons/Innovation competitions. First step is to identify the correct problem statement and provide relevant data to the participants to drive new insights. CDO can also set up multi -disciplinary evaluation committee and mentors to assist participants during solution design stage. Shortlisted solutions may be extended support in next stage to test the solution on ground and enable implementation in the city. Further, Smart Cities Mission, MoHUA has published a reference guide available on the Smart Cities Open Data Portal that may help the city understand the various aspects of conducting a hackathon."
  ]
 ],
 "3.c": [
  [
   "p",
   "Your city is advised to identify the most pressing urban challenges across various domains / sectors with the help of other urban stakeholders in the city, especially city departments. The challenge should be clearly identified along with the relevant datasets available in the city that may help in solutioning. Insights derived from the datasets should be analysed."
  ]
 ],
 "3.d": [
  [
   "p",
   "Your city is advised to identify the relevant data streams and consider applying intelligent techniques to uncover insights from the available data and generate actionable insights. Your city may be like to explore various types of analytics:"
  ],
  [
   "ul",
   [
    "Descriptive (Tells you what happened in the past)",
    "Diagnostic (Helps you understand why something happened in the past)",
    "Predictive (predicts what is most likely to happen in the future)",
    "Prescriptive (Analytics recommends actions you can take to affect those outcomes)"
   ]
  ]
 ],
 "4.a": [
  [
   "p",
   "As part of Smart City initiatives, your city may look towards deploying sensors and other devices and collect data in the form of:"
  ],
  [
   "ul",
   [
    "Hierarchical files (JSON, XML, YAML, etc.)",
    "Real-time stream",
    "Objects",
    "Videos",
    "Images",
    "Locational Data"
   ]
  ],
  [
   "p",
   "If your city has an ICCC or any other command centre, that may also be utilizing data from sensors."
  ]
 ],
 "4.b": [
  [
   "p",
   "Your city is advised to utilize dataset templates present in the 'Documents' section of the Smart Cities Open Data Portal to upload city's open data pertaining to different sectors on the Portal. Data coordinators may support the CDO to populate data as per the dataset templates within their departments. City is advised to ensure the datasets are of utmost quality and relevant for the users."
  ]
 ],
 "4.c": [
  [
   "p",
   "It is of utmost importance that the datasets published on SCODP stays relevant and updated for improved and sustained usage. Therefore, your city is advised to update all your datasets on a periodic basis (monthly, quarterly, biannually, annually) by maintaining a data sets' updating schedule. Datasets that currently exist on the Smart Cities Open Data Portal may also be revised and updated as per schedule."
  ]
 ],
 "4.d": [
  [
   "p",
   "In addition to static datasets in csv formats, your city is advised to also start publishing data through web services. CDO, with the help of data coordinators, may look into various departments' MIS and other data systems that showcase real-time data and follow SCODP procedures / processes to publish datasets in the form of APIs."
  ]
 ],
 "4.e": [
  [
   "p",
   "Your city is advised to identify various datasets that can be translated into a GIS layer. GIS layers can be helpful in improved analytics and can also be used in impact assessment of initiatives."
  ]
 ],
 "5.a": [
  [
   "p",
   "Your city is advised to identify sector-specific problem statements being faced by a particular department and build solutions through efficient and effective use of city data. Your city is advised to document their experiences and share with fellow cities insights about their data initiatives. This will also help them showcase their improvement on a National platform. City to also peruse the various data stories available on smartcities.data.gov.in which may be replicable in certain cases."
  ]
 ],
 "5.c": [
  [
   "p",
   "Your city is advised to develop web portals and applications to aid the dataled activities and enable citizen engagement. This will help the city to not only provide a single platform for efficient service delivery, but also collect related data. These applications and systems could be used to disseminate information to end users. This will also help the city not only collect relevant data but analyse it to generate insights for improving service delivery and operations.."
  ]
 ],
 "5.b": [
  [
   "p",
   "For effective service delivery, your city is advised to investigate developing use cases based on the data available within the city. These use cases may help to solve critical urban problems. The city can take help from multiple stakeholders, including alliance partners. Your city may clearly specify the identified problem, detail the use case under consideration, identify the datasets that may be used and envision the outcome/ impact that may be generated with the implementation of this use case."
  ]
 ],
 "5.d": [
  [
   "p",
   "From the various city services targeted towards citizens, your city is advised to analyse the services where timely notifications may be beneficial for the citizens. Your city may then consider using various channels such as SMS, Variable Message Displays (VMDs), Public Address Systems (PAS), etc. to disseminate information to public."
  ]
 ]
}
