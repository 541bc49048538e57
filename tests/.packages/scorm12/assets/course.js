var e={id:`iam-access-patterns-5-6`,version:`1.0.0`,language:`en-US`,title:`Root User, IAM Users, IAM Roles, and Access Patterns Review`,description:`Review of the differences between AWS root user, IAM users, and IAM roles, including when to use each and why AWS prefers temporary credentials and role-based access.`,durationMinutes:15,level:`Introductory`,lessonNumber:`5.6`,baseIri:`https://courses.example.com/xapi/iam-access-patterns-5-6`,settings:{passingScore:.8,completion:{requireAllPagesVisited:!0,requireQuizSubmitted:!0},moveOn:`CompletedAndPassed`,writtenAnswerMaxLength:250,keptQuizAttempts:5},pages:[{id:`outcomes`,title:`Learning outcomes`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`By the end of this lesson, the learner can:`}]},{t:`ol`,start:1,items:[[{t:`text`,v:`Explain the difference between the AWS account root user, IAM users, and IAM roles.`}],[{t:`text`,v:`Explain why AWS recommends temporary credentials when possible.`}],[{t:`text`,v:`Recognize when IAM users are still used.`}],[{t:`text`,v:`Explain common access patterns for humans, workloads on AWS, and workloads outside AWS.`}],[{t:`text`,v:`Connect root-user protection, MFA, and least privilege into one security practice. AWS's IAM docs recommend protecting the root user, preferring temporary credentials, and using IAM roles where possible. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]}]},{id:`overview`,title:`What this review covers`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`This lesson is about choosing the right kind of identity for the job.`}]},{t:`p`,c:[{t:`text`,v:`A simple summary is:`}]},{t:`ul`,items:[[{t:`strong`,c:[{t:`text`,v:`Root user`}]},{t:`text`,v:` = the account owner identity with full access, used rarely.`}],[{t:`strong`,c:[{t:`text`,v:`IAM user`}]},{t:`text`,v:` = a named identity with long-term credentials, used only for specific cases.`}],[{t:`strong`,c:[{t:`text`,v:`IAM role`}]},{t:`text`,v:` = an assumable identity with permissions and temporary credentials.`}]]},{t:`p`,c:[{t:`text`,v:`AWS explicitly recommends avoiding routine use of the root user, recommends temporary credentials where possible, and says roles do not have standard long-term credentials such as passwords or access keys. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]}]},{kind:`memory-rule`,title:`A simple memory rule`,items:[[{t:`text`,v:`root = emergency/highest privilege`}],[{t:`text`,v:`user = named identity with long-term credentials`}],[{t:`text`,v:`role = temporary access identity (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`root-user`,number:1,title:`Root user`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS says that when you first create an AWS account, you begin with a default set of credentials with complete access to all AWS resources in the account. This identity is called the AWS account root user. AWS strongly recommends that you do not use the root user unless you have a task that specifically requires root credentials. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html`,title:`AWS account root user`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{t:`p`,c:[{t:`text`,v:`AWS also recommends:`}]},{t:`ul`,items:[[{t:`text`,v:`securing root credentials carefully`}],[{t:`text`,v:`enabling MFA on the root user`}],[{t:`text`,v:`not creating root access keys`}],[{t:`text`,v:`not sharing root credentials broadly`}],[{t:`text`,v:`using an administrative identity for normal work instead of root. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html`,title:`AWS account root user`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{kind:`takeaway`,items:[[{t:`text`,v:`root is not your daily account`}],[{t:`text`,v:`root is your break-glass / account-owner identity (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html`,title:`AWS account root user`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`iam-user`,number:2,title:`IAM user`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS says an IAM user is an entity you create in your AWS account, and that it represents the human user or workload that uses the IAM user to interact with AWS resources. AWS also says an IAM user consists of a name and credentials. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{t:`p`,c:[{t:`text`,v:`But AWS's current IAM guidance is important here: AWS recommends that human users use federation with an identity provider and temporary credentials instead of IAM users with long-term credentials, and recommends using IAM users only for specific use cases not supported by federated users. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]}]},{kind:`takeaway`,items:[[{t:`text`,v:`IAM users are real and still exist`}],[{t:`text`,v:`but they are not AWS's preferred default for most human access patterns anymore (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`iam-role`,number:3,title:`IAM role`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS says an IAM role is an IAM identity you can create in your account that has specific permissions, but unlike a user, it is intended to be assumable by anyone who needs it. AWS also says a role does not have standard long-term credentials such as a password or access keys. Instead, assuming a role gives you temporary security credentials for that role session. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{t:`p`,c:[{t:`text`,v:`Roles can be assumed by:`}]},{t:`ul`,items:[[{t:`text`,v:`IAM users`}],[{t:`text`,v:`other IAM roles`}],[{t:`text`,v:`AWS service principals such as EC2 or Lambda`}],[{t:`text`,v:`other trusted entities, depending on configuration. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{kind:`takeaway`,items:[[{t:`text`,v:`a role is the cleaner modern pattern`}],[{t:`text`,v:`it gives permission without making long-term credentials the center of the design (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`temporary-credentials`,number:4,title:`Why AWS prefers temporary credentials`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS's IAM best-practices page explicitly says to require workloads to use temporary credentials with IAM roles to access AWS whenever possible. AWS also recommends relying on temporary credentials instead of creating long-term credentials such as access keys where possible. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{t:`p`,c:[{t:`text`,v:`Why this matters:`}]},{t:`ul`,items:[[{t:`text`,v:`temporary credentials expire`}],[{t:`text`,v:`they reduce long-term credential exposure`}],[{t:`text`,v:`they fit better with modern AWS access patterns`}],[{t:`text`,v:`they are easier to rotate implicitly because new sessions get new credentials. AWS also documents that role sessions can be revoked if needed. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{kind:`takeaway`,items:[[{t:`text`,v:`temporary credentials are safer than long-term credentials in many cases (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`when-iam-users`,number:5,title:`When IAM users are still used`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS says IAM users are still appropriate for some specific cases that do not work well with role-based or federated access. Examples AWS gives include:`}]},{t:`ul`,items:[[{t:`text`,v:`workloads that cannot use IAM roles`}],[{t:`text`,v:`third-party AWS clients or vendors that do not support more modern access patterns`}],[{t:`text`,v:`AWS CodeCommit access with SSH keys or service-specific credentials in some cases. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]},{t:`p`,c:[{t:`text`,v:`AWS also notes on the IAM best-practices page that some use cases still require long-term credentials, but the preference remains to avoid them where possible. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]}]},{kind:`takeaway`,items:[[{t:`text`,v:`IAM users are now more of a special-case tool`}],[{t:`text`,v:`not the ideal default for every person or workload (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`humans`,number:6,title:`Best access pattern for humans`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS's root-user guidance says:`}]},{t:`ul`,items:[[{t:`text`,v:`for a single standalone AWS account, use IAM roles to create identities in your account with specific permissions`}],[{t:`text`,v:`for multiple AWS accounts managed through AWS Organizations, use IAM Identity Center workforce users for centralized access management. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html`,title:`AWS account root user`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]},{t:`p`,c:[{t:`text`,v:`So the clean guidance is:`}]},{t:`ul`,items:[[{t:`text`,v:`root user only for root-required tasks`}],[{t:`text`,v:`normal human access should not revolve around daily root use`}],[{t:`text`,v:`modern AWS guidance prefers federated or role-based access with temporary credentials over long-term IAM-user credentials. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]}]},{id:`workloads-on-aws`,number:7,title:`Best access pattern for workloads running on AWS`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS says when you are building on AWS compute services such as Amazon EC2 or AWS Lambda, AWS can deliver the temporary credentials of an IAM role to that compute resource, and AWS SDKs can discover and use those credentials automatically. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{t:`p`,c:[{t:`text`,v:`That means:`}]},{t:`ul`,items:[[{t:`text`,v:`EC2 instances should usually use an attached role`}],[{t:`text`,v:`Lambda functions should usually use an execution role`}],[{t:`text`,v:`on-AWS workloads generally should not need hard-coded long-term access keys if roles can be used. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{kind:`takeaway`,items:[[{t:`text`,v:`AWS workload on AWS compute usually points toward role-based temporary credentials (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`workloads-outside-aws`,number:8,title:`Best access pattern for workloads outside AWS`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS's best-practices page says outside-AWS workloads can still use temporary credentials, but you need a way to deliver them. AWS gives examples including:`}]},{t:`ul`,items:[[{t:`text`,v:`IAM Roles Anywhere with X.509 certificates`}],[{t:`text`,v:`AssumeRoleWithSAML`}],[{t:`text`,v:`AssumeRoleWithWebIdentity`}],[{t:`text`,v:`AWS IoT Core in some IoT cases. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{kind:`takeaway`,items:[[{t:`text`,v:`being outside AWS does not automatically mean you must use permanent access keys forever`}],[{t:`text`,v:`temporary credentials are still possible in many external scenarios (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`root-vs-admin`,number:9,title:`Root user vs IAM admin user`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS makes a clear distinction between the root user and an IAM user with administrator permissions. The IAM users page explicitly says an IAM user with administrator permissions is not the same thing as the AWS account root user. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{t:`p`,c:[{t:`text`,v:`This is important because learners sometimes think:`}]},{t:`ul`,items:[[{t:`text`,v:`"My admin user is basically root"`}]]},{t:`p`,c:[{t:`text`,v:`But AWS treats them differently:`}]},{t:`ul`,items:[[{t:`text`,v:`root is the original account-owner identity with full account access`}],[{t:`text`,v:`an admin user is still an IAM identity governed within IAM. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{kind:`takeaway`,items:[[{t:`text`,v:`admin user is powerful`}],[{t:`text`,v:`root user is still more fundamental and more sensitive (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html`,title:`AWS account root user`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`mfa`,number:10,title:`MFA across these identities`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS recommends MFA broadly, and its IAM docs say MFA significantly enhances security. AWS supports MFA for the root user, IAM users, IAM Identity Center users, Builder ID, and federated users. AWS also recommends phishing-resistant MFA such as passkeys and security keys whenever possible. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html`,title:`AWS Multi-factor authentication in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]}]},{kind:`takeaway`,items:[[{t:`text`,v:`root should have MFA`}],[{t:`text`,v:`IAM users should have MFA if they exist`}],[{t:`text`,v:`strong sign-in protection is part of the correct access pattern, not an optional afterthought (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html`,title:`AWS Multi-factor authentication in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`comparison-table`,title:`Quick comparison table`,blocks:[{kind:`table`,id:`identity-types`,caption:`Identity types and their mental models`,csvFileName:`identity-types.csv`,columns:[`Identity type`,`Mental model`],rows:[[`Root user`,`Account-owner identity with full access, used rarely`],[`IAM user`,`Named identity with long-term credentials`],[`IAM group`,`Shared permissions for multiple IAM users`],[`IAM role`,`Assumable identity with temporary credentials`]],csv:`Identity type,Mental model\r
Root user,"Account-owner identity with full access, used rarely"\r
IAM user,Named identity with long-term credentials\r
IAM group,Shared permissions for multiple IAM users\r
IAM role,Assumable identity with temporary credentials\r
`},{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`This table reflects AWS's root-user, IAM user, and IAM role documentation. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]}]}]},{id:`micro-activity-1`,title:`Micro-activity 1: Choose the identity pattern`,blocks:[{kind:`choice-activity`,id:`identity-patterns`,heading:`Think about it`,prompt:`For each case, choose the best identity pattern:`,note:[{t:`text`,v:`Base your answers on AWS's current IAM best-practice guidance. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}],options:[{id:`root-user`,text:`root user`},{id:`iam-role`,text:`IAM role`},{id:`iam-user`,text:`IAM user`},{id:`federated-human`,text:`federated or role-based human access`}],cases:[{id:`case-1`,text:`A root-only emergency account task`,correct:`root-user`,why:[{t:`text`,v:`AWS strongly recommends that you do not use the root user unless you have a task that specifically requires root credentials, so root is the break-glass / account-owner identity for exactly this kind of task.`}]},{id:`case-2`,text:`A normal application running on EC2`,correct:`iam-role`,why:[{t:`text`,v:`AWS can deliver the temporary credentials of an IAM role to EC2, and AWS SDKs discover and use them automatically, so EC2 instances should usually use an attached role instead of hard-coded long-term access keys.`}]},{id:`case-3`,text:`A Lambda function calling other AWS services`,correct:`iam-role`,why:[{t:`text`,v:`Lambda functions should usually use an execution role, which gives the function temporary credentials for the AWS services it calls.`}]},{id:`case-4`,text:`A named legacy tool that cannot use roles or federation easily`,correct:`iam-user`,why:[{t:`text`,v:`AWS says IAM users are still appropriate for specific cases that do not work well with role-based or federated access, such as workloads that cannot use IAM roles or third-party clients that do not support more modern access patterns.`}]},{id:`case-5`,text:`A human administrator doing day-to-day work`,correct:`federated-human`,why:[{t:`text`,v:`Normal human access should not revolve around daily root use; modern AWS guidance prefers federated or role-based access with temporary credentials over long-term IAM-user credentials.`}]}]}]},{id:`micro-activity-2`,title:`Micro-activity 2: Explain it in your own words`,blocks:[{kind:`written-activity`,id:`explain-identities`,heading:`Think about it`,prompt:`Answer in one or two sentences each:`,note:[{t:`text`,v:`Use the AWS IAM best-practices and identity docs in your explanation. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}],questions:[{id:`why-roles`,text:`Why does AWS prefer roles and temporary credentials where possible?`,modelAnswer:[{t:`text`,v:`Temporary credentials expire and new sessions get new credentials, so they reduce long-term credential exposure and fit modern AWS access patterns better than long-term keys; role sessions can also be revoked if needed.`}]},{id:`root-vs-admin`,text:`Why is the root user different from an admin IAM user?`,modelAnswer:[{t:`text`,v:`The root user is the original account-owner identity with full account access, while an admin user is still an IAM identity governed within IAM; AWS says an IAM user with administrator permissions is not the same thing as the root user.`}]},{id:`why-iam-users`,text:`Why are IAM users still present even though AWS prefers modern temporary-credential patterns?`,modelAnswer:[{t:`text`,v:`Some specific cases do not work well with role-based or federated access, such as workloads that cannot use IAM roles, third-party clients or vendors without modern access patterns, and some CodeCommit access cases.`}]}]}]},{id:`summary`,title:`Summary`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`AWS's current IAM guidance strongly favors temporary credentials and role-based access where possible. The root user should be used only for tasks that require it, IAM users should be used only for specific cases, and IAM roles are the preferred pattern for many human and workload access cases because they provide temporary credentials instead of long-term ones. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{t:`p`,c:[{t:`text`,v:`The biggest habits to remember are:`}]},{t:`ul`,items:[[{t:`text`,v:`protect root heavily and do not use it daily`}],[{t:`text`,v:`prefer roles and temporary credentials where possible`}],[{t:`text`,v:`understand that IAM users are now more of a special-case identity pattern`}],[{t:`text`,v:`use MFA and least privilege together with the right identity type. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{kind:`memory-rule`,title:`The simplest memory rule`,items:[[{t:`text`,v:`root = rare`}],[{t:`text`,v:`user = named long-term identity`}],[{t:`text`,v:`role = temporary access pattern (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]]}]},{id:`quiz`,title:`Quiz 5.6`,blocks:[{kind:`quiz`,id:`quiz-5-6`,heading:`Knowledge Check`,questions:[{id:`q1`,answerKey:`A1`,stem:`What is the AWS account root user?`,options:[{id:`a`,text:`An IAM user that an administrator creates for everyday administrative work`},{id:`b`,text:`The default account-owner identity with complete access to all AWS resources in the account`},{id:`c`,text:`An assumable identity that provides temporary security credentials`},{id:`d`,text:`A group that shares permissions across multiple IAM users`}],correct:`b`,explanation:[{t:`text`,v:`AWS says the root user is the default account-owner identity with complete access to the account. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html`,title:`AWS account root user`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{id:`q2`,answerKey:`A2`,stem:`How does AWS's current guidance describe IAM users?`,options:[{id:`a`,text:`The preferred default identity for every person and workload`},{id:`b`,text:`Identities without credentials that anyone who needs them can assume`},{id:`c`,text:`Named identities with credentials, recommended only for specific use cases not supported by more modern access patterns`},{id:`d`,text:`Another name for the AWS account root user`}],correct:`c`,explanation:[{t:`text`,v:`AWS says IAM users are named identities with credentials, but recommends using them only for specific use cases not supported by more modern access patterns. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{id:`q3`,answerKey:`A3`,stem:`Which statement best describes an IAM role?`,options:[{id:`a`,text:`A named identity with a permanent password and access keys`},{id:`b`,text:`The identity you begin with when you first create an AWS account`},{id:`c`,text:`An assumable identity that provides temporary security credentials and has no standard long-term credentials`},{id:`d`,text:`A shared set of permissions that can only be attached to IAM users`}],correct:`c`,explanation:[{t:`text`,v:`AWS says roles are assumable identities that provide temporary security credentials and do not have standard long-term credentials. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{id:`q4`,answerKey:`A5`,stem:`A workload runs on an AWS compute service such as Amazon EC2 or AWS Lambda. How should it get AWS credentials where possible?`,options:[{id:`a`,text:`Use the AWS account root user's access keys`},{id:`b`,text:`Hard-code an IAM user's long-term access keys in the application`},{id:`c`,text:`Use temporary credentials through an IAM role for the compute resource`},{id:`d`,text:`Share one administrator's password among the workloads`}],correct:`c`,explanation:[{t:`text`,v:`AWS recommends temporary credentials through IAM roles for workloads on AWS compute services where possible. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]},{id:`q5`,answerKey:`A7`,stem:`Is an IAM user with administrator permissions the same thing as the AWS account root user?`,options:[{id:`a`,text:`Yes, an admin user has exactly the same identity and access as root`},{id:`b`,text:`No, AWS says an IAM user with administrator permissions is not the same thing as the root user`},{id:`c`,text:`Yes, once MFA is enabled on the admin user`},{id:`d`,text:`Only in accounts that are managed through AWS Organizations`}],correct:`b`,explanation:[{t:`text`,v:`AWS explicitly says an IAM user with administrator permissions is not the same thing as the root user. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}]}]}]},{id:`reflection`,title:`Reflection questions`,blocks:[{kind:`reflection`,id:`reflection-questions`,heading:`Think about it`,questions:[{id:`avoid-root`,text:`Why does AWS recommend avoiding routine use of the root user?`,modelAnswer:[{t:`text`,v:`Because AWS strongly recommends using the root user only for tasks that require it and protecting it heavily with MFA and other safeguards. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html`,title:`AWS account root user`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}],answerKey:`A4`},{id:`user-vs-role`,text:`What is the difference between an IAM user and an IAM role?`,modelAnswer:[{t:`text`,v:`An IAM user is a named identity with long-term credentials, while an IAM role is an assumable identity that provides temporary credentials when used. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}],answerKey:`A6`},{id:`users-still-used`,text:`Name one case where AWS says IAM users may still be used.`,modelAnswer:[{t:`text`,v:`Examples include workloads that cannot use IAM roles, third-party AWS clients that do not support newer access patterns, or certain CodeCommit access cases. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html`,title:`IAM users`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}],answerKey:`A8`},{id:`ec2-to-s3`,text:`A team has an application on EC2 that needs to access S3. What is the strongest identity pattern to think of first?`,modelAnswer:[{t:`text`,v:`An IAM role attached to the EC2 workload is the strongest first pattern, because AWS recommends role-based temporary credentials for workloads on AWS compute. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html`,title:`Security best practices in IAM`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}],answerKey:`A9`},{id:`memory-rule`,text:`What is the simplest memory rule for root user, IAM user, and IAM role?`,modelAnswer:[{t:`text`,v:`root = rare, user = named long-term identity, role = temporary access pattern. (`},{t:`link`,href:`https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html`,title:`IAM roles`,c:[{t:`text`,v:`AWS Documentation`}]},{t:`text`,v:`)`}],answerKey:`A10`}]}]},{id:`answer-key`,title:`Answer key`,blocks:[{kind:`markdown`,text:[{t:`p`,c:[{t:`text`,v:`The answers to Quiz 5.6 and the reflection questions, in the order the lesson numbers them. Each answer is shown once you have submitted the quiz or answered that reflection question, so the key never gives away what you have not tried yet.`}]}]},{kind:`answer-key`},{kind:`next-lesson`,title:`Lesson 5.7: Security Services Recognition Review`}]}]};function t(e){try{let t=globalThis[e];return t.getItem(`probe`),t}catch{return}}var n=class{constructor(e,n,r=t(`localStorage`)){this.storageKey=e,this.launchProblem=n,this.storage=r,this.standard=`web`}async start(){let e=this.read();return{savedState:e?.state,location:e?.location,masteryScore:void 0,mode:`normal`,learnerName:void 0,launchProblem:this.launchProblem}}async visit(e){}async record(e){}async save(e,t){this.memory={state:e,location:t};try{this.storage?.setItem(this.storageKey,JSON.stringify(this.memory))}catch{}}async conclude(e){}flush(){}async finish(){}onStatus(e){return e({kind:`standalone`}),()=>{}}read(){try{let e=this.storage?.getItem(this.storageKey),t=e?JSON.parse(e):void 0;if(typeof t==`object`&&t&&`state`in t&&`location`in t){let{state:e,location:n}=t;if(typeof e==`string`&&typeof n==`string`)return{state:e,location:n}}}catch{}return this.memory}},r=e=>e===!0||e===`true`;function i(e,t,n){let i=()=>{let r=String(a(e,`101`));return{code:r,message:String(a(()=>t(r),``)),diagnostic:String(a(()=>n(r),``))}};return{bool(e){try{return r(e())?{ok:!0,value:``}:{ok:!1,error:i()}}catch(e){return{ok:!1,error:{code:`101`,message:`The LMS API threw an exception`,diagnostic:String(e)}}}},value(e){try{let t=String(e()??``),n=i();return n.code===`0`||n.code===``?{ok:!0,value:t}:{ok:!1,error:n}}catch(e){return{ok:!1,error:{code:`101`,message:`The LMS API threw an exception`,diagnostic:String(e)}}}}}}function a(e,t){try{return e()}catch{return t}}function o(e){let t=i(()=>e.LMSGetLastError(),t=>e.LMSGetErrorString(t),t=>e.LMSGetDiagnostic(t));return{initialize:()=>t.bool(()=>e.LMSInitialize(``)),terminate:()=>t.bool(()=>e.LMSFinish(``)),get:n=>t.value(()=>e.LMSGetValue(n)),set:(n,r)=>t.bool(()=>e.LMSSetValue(n,r)),commit:()=>t.bool(()=>e.LMSCommit(``))}}var s=500;function c(e,t,n){let r=e;for(let e=0;r&&e<=s;e+=1){try{let e=r[t];if(n(e))return e}catch{}if(r.parent===r)break;r=r.parent}}function l(e,t,n){let r=c(e,t,n);if(r)return r;try{let r=e.opener;if(r&&typeof r==`object`&&`parent`in r)return c(r,t,n)}catch{}}function u(...e){return t=>typeof t==`object`&&!!t&&e.every(e=>typeof t[e]==`function`)}var ee=class{constructor(e,t={}){this.calls=e,this.phase=`new`,this.queue=[],this.dirty=!1,this.failures=0,this.listeners=new Set,this.status={kind:`connected`},this.beforeCommit=()=>[],this.commitDelayMs=t.commitDelayMs??15e3,this.retryDelaysMs=t.retryDelaysMs??[2e3,5e3,15e3,3e4,6e4],this.setTimer=t.setTimer??((e,t)=>setTimeout(e,t)),this.clearTimer=t.clearTimer??(e=>clearTimeout(e))}open(){if(this.phase!==`new`)return this.phase===`open`;let e=this.calls.initialize();return e.ok||e.error.code===`103`?(this.phase=`open`,!0):(this.report(e.error),!1)}get isOpen(){return this.phase===`open`}read(e){if(this.phase!==`open`)return;let t=this.calls.get(e);return t.ok?t.value:void 0}write(e){this.phase!==`closed`&&(this.queue.push(...e),this.dirty=!0,this.drain())}commitSoon(){this.phase!==`closed`&&(this.status.kind===`retrying`?this.commitNow():this.commitTimer===void 0&&(this.commitTimer=this.setTimer(()=>{this.commitTimer=void 0,this.commitNow()},this.commitDelayMs)))}commitNow(){if(this.commitTimer!==void 0&&(this.clearTimer(this.commitTimer),this.commitTimer=void 0),this.phase===`closed`)return!1;if(!this.open()||(this.queue.push(...this.beforeCommit()),!this.drain()))return this.retryLater();if(!this.dirty)return!0;let e=this.calls.commit();return e.ok?(this.dirty=!1,this.recovered(),!0):(this.report(e.error),this.retryLater())}close(){if(this.phase!==`closed`){if(this.commitNow(),this.phase===`open`){let e=this.calls.terminate();e.ok||this.report(e.error)}this.phase=`closed`,this.retryTimer!==void 0&&this.clearTimer(this.retryTimer),this.commitTimer!==void 0&&this.clearTimer(this.commitTimer)}}get pending(){return this.queue.length}onStatus(e){return this.listeners.add(e),e(this.status),()=>this.listeners.delete(e)}drain(){if(!this.open())return!1;for(;this.queue.length>0;){let[e,t]=this.queue[0],n=this.calls.set(e,t);if(!n.ok)return this.report(n.error,e),this.retryLater(),!1;this.queue.shift()}return!0}retryLater(){if(this.retryTimer===void 0&&this.phase!==`closed`){let e=this.retryDelaysMs[Math.min(this.failures,this.retryDelaysMs.length-1)]??6e4;this.failures+=1,this.retryTimer=this.setTimer(()=>{this.retryTimer=void 0,this.commitNow()},e)}return!1}report(e,t){let n=t?` (${t})`:``;this.setStatus({kind:`retrying`,detail:`LMS error ${e.code}${n}: ${e.message}${e.diagnostic?` – ${e.diagnostic}`:``}`})}recovered(){this.failures=0,this.setStatus({kind:`connected`})}setStatus(e){if(e.kind===this.status.kind&&(e.kind!==`retrying`||this.status.kind===`retrying`))this.status=e;else{this.status=e;for(let t of this.listeners)t(e)}}};function te(e,t){let n=e.questions.length,r=e.questions.filter(e=>t[e.id]===e.correct).length;return{correct:r,total:n,scaled:n===0?0:r/n}}function ne(e,t){return Math.round(e*1e4)>=Math.round(t*1e4)}function d(e){return Math.round(e*100)}var f={string255:255,string4096:4096,suspendData:4096,lessonLocation:255,identifier:255,scoreMin:0,scoreMax:100,timespanMaxHours:9999,choiceOptions:36},re={suspendData:64e3,location:1e3,longIdentifier:4e3,shortIdentifier:250,description:250,comment:4e3,interactions:250,interactionObjectives:10,objectives:100,commentsFromLearner:250,choiceItems:36,fillInItems:10,fillInItemLength:250,longFillInLength:4e3,timestampFirstYear:1970,timestampLastYear:2038,durationMaxCentiseconds:9999999999,scaledScoreMin:-1,scaledScoreMax:1};function ie(e){return le(ce(ae(e),oe),``,f.identifier)}function ae(e){if(e===``)throw RangeError(`An empty id cannot be reported to an LMS`);return e}function oe(e){return e!==`%`&&/^[\u0021-\u007E]$/.test(e)}var se=new TextEncoder;function ce(e,t){let n=``;for(let r of e)if(t(r))n+=r;else for(let e of se.encode(r))n+=`%${e.toString(16).toUpperCase().padStart(2,`0`)}`;return n}function le(e,t,n){if(t.length+e.length<=n)return t+e;let r=`~${ue(e)}`,i=e.slice(0,n-t.length-r.length),a=/%[0-9A-F]?$/.exec(i);return a&&(i=i.slice(0,a.index)),t+i+r}function ue(e){let t=2166136261;for(let n of se.encode(e))t^=n,t=Math.imul(t,16777619)>>>0;return t.toString(16).padStart(8,`0`)}var de=new Intl.Segmenter(void 0,{granularity:`grapheme`});function fe(e,t){if(e.length<=t)return e;let n=0;for(let{segment:r}of de.segment(e)){if(n+r.length>t)break;n+=r.length}return e.slice(0,n)}function pe(e){return e===`choice`?`choice`:`fill-in`}function me(e){return e.kind===`choice`?ve(e.choices,e.response):fe(ye(e.response[0]??``),f.string255)}function he(e){if(e.kind===`choice`&&e.correct.length!==0)return ve(e.choices,e.correct)}function ge(e){return e===void 0?`neutral`:e?`correct`:`wrong`}var _e=`abcdefghijklmnopqrstuvwxyz0123456789`;function ve(e,t){if(e.length>f.choiceOptions)throw RangeError(`SCORM 1.2 can report at most ${f.choiceOptions} options, got ${e.length}`);return be(e,t).map(e=>_e.charAt(e)).join(`,`)}function ye(e){return e.replace(/[ \t]*(?:(?:\r\n|[\r\n\u2028\u2029])[ \t]*)+/g,` `)}function be(e,t){let n=new Set;for(let r of t){let t=e.findIndex(e=>e.id===r);if(t===-1)throw RangeError(`"${r}" is not one of the question's options`);n.add(t)}return[...n].sort((e,t)=>e-t)}var xe=100,Se=6e3,Ce=60*Se,we=(f.timespanMaxHours+1)*Ce-1;function Te(e,t){return Number.isNaN(e)||e<=0?0:Math.min(Math.round(e/10),t)}function Ee(e){return{hours:Math.floor(e/Ce),minutes:Math.floor(e%Ce/Se),seconds:Math.floor(e%Se/xe),centiseconds:e%xe}}var p=(e,t=2)=>String(e).padStart(t,`0`);function De(e){let{hours:t,minutes:n,seconds:r,centiseconds:i}=Ee(Te(e,we));return`${p(t)}:${p(n)}:${p(r)}.${p(i)}`}function Oe(e){return ke(e),`${p(e.getHours())}:${p(e.getMinutes())}:${p(e.getSeconds())}`}Date.UTC(re.timestampFirstYear,0,1),Date.UTC(re.timestampLastYear+1,0,1)-10;function ke(e){if(Number.isNaN(e.getTime()))throw RangeError(`Invalid Date cannot be written as a SCORM time`)}var Ae=class{constructor(e,t=()=>performance.now()){this.lms=e,this.clock=t,this.standard=`scorm12`,this.startedAt=0,this.nextInteraction=0,this.status=`not attempted`,this.score=``,this.finished=!1,this.statusChanged=!1,e.beforeCommit=()=>[[`cmi.core.session_time`,De(this.clock()-this.startedAt)]]}async start(){this.startedAt=this.clock(),this.lms.open();let e=this.lms.read(`cmi.core.entry`),t=this.lms.read(`cmi.core.lesson_status`);Ne(t)&&(this.status=t),this.score=this.lms.read(`cmi.core.score.raw`)??``,this.nextInteraction=Number(this.lms.read(`cmi.interactions._count`)??0)||0;let n=this.lms.read(`cmi.core.lesson_mode`),r=Number.parseFloat(this.lms.read(`cmi.student_data.mastery_score`)??``);return this.status===`not attempted`&&n!==`browse`&&n!==`review`&&(this.setStatus(`incomplete`),this.lms.commitNow()),{savedState:e===`ab-initio`?void 0:this.lms.read(`cmi.suspend_data`)||void 0,location:this.lms.read(`cmi.core.lesson_location`)||void 0,masteryScore:Number.isFinite(r)&&r>=0&&r<=100?r/100:void 0,mode:n===`browse`||n===`review`?n:`normal`,learnerName:this.lms.read(`cmi.core.student_name`)||void 0}}async visit(e){}async record(e){let t=`cmi.interactions.${this.nextInteraction}`;this.nextInteraction+=1;let n=he(e),r=new Date(e.answeredAt);this.lms.write([[`${t}.id`,ie(e.attempt>0?`${e.id}.attempt-${e.attempt}`:e.id)],[`${t}.type`,pe(e.kind)],[`${t}.time`,Oe(r)],[`${t}.weighting`,String(e.weighting)],[`${t}.student_response`,me(e)],...n===void 0?[]:[[`${t}.correct_responses.0.pattern`,n]],[`${t}.result`,ge(e.success)],[`${t}.latency`,De(e.latencyMs)]]),this.lms.commitSoon()}async save(e,t){let n=[[`cmi.core.lesson_location`,t.slice(0,f.lessonLocation)]];e.length<=f.suspendData?n.push([`cmi.suspend_data`,e]):console.warn(`Resume state of ${e.length} characters exceeds SCORM 1.2's ${f.suspendData}; not written.`),n.push([`cmi.core.exit`,Me(this.status)]),this.lms.write(n),this.lms.commitSoon()}async conclude(e){let t=je(e),n=e.scaledScore===void 0?``:String(d(e.scaledScore)),r=[];t!==this.status&&this.status!==`passed`&&this.setStatus(t),n!==``&&n!==this.score&&(this.score===``||Number(n)>Number(this.score))&&(this.score=n,r.push([`cmi.core.score.min`,`0`],[`cmi.core.score.max`,`100`],[`cmi.core.score.raw`,n])),this.lms.write(r),(r.length>0||this.statusChanged)&&(this.statusChanged=!1,this.lms.commitNow())}flush(){this.lms.commitNow()}async finish(){this.finished||(this.finished=!0,this.lms.close())}onStatus(e){return this.lms.onStatus(e)}setStatus(e){this.status=e,this.statusChanged=!0,this.lms.write([[`cmi.core.lesson_status`,e],[`cmi.core.exit`,Me(e)]])}};function je(e){return e.completed?e.passed===void 0?`completed`:e.passed?`passed`:`failed`:`incomplete`}function Me(e){return e===`passed`||e===`completed`?``:`suspend`}function Ne(e){return e===`passed`||e===`completed`||e===`failed`||e===`incomplete`||e===`browsed`||e===`not attempted`}var Pe=u(`LMSInitialize`,`LMSFinish`,`LMSGetValue`,`LMSSetValue`,`LMSCommit`,`LMSGetLastError`);function Fe(e){let t=l(window,`API`,Pe);return t?new Ae(new ee(o(t))):new n(`course:${e.id}:progress`)}function Ie(e,t){let n=new Set(e.pages.map(e=>e.id)),r=t.visited.filter(e=>n.has(e)).length;return n.size===0?1:r/n.size}function Le(e,t){let n=e.settings.completion,r=!n.requireAllPagesVisited||Ie(e,t)===1,i=!n.requireQuizSubmitted||t.quiz.attemptCount>0;return r&&i}function Re(e,t){return{completed:Le(e,t),passed:t.quiz.attemptCount>0?t.quiz.passed:void 0,scaledScore:t.quiz.bestScore,progress:Ie(e,t)}}function m(e,t){return e.pages.flatMap(e=>e.blocks.filter(e=>e.kind===t))}function h(e){let[t]=m(e,`quiz`);if(!t)throw Error(`the lesson has no quiz`);return t}function ze(e,t){return`${e}.${t}`}function Be(e){return[...m(e,`written-activity`),...m(e,`reflection`)].flatMap(e=>e.questions.map(t=>({block:e,question:t,key:ze(e.id,t.id)})))}function Ve(e){return m(e,`choice-activity`).flatMap(e=>e.cases.map(t=>({block:e,item:t,key:ze(e.id,t.id)})))}function He(e){return{location:e.pages[0]?.id??``,visited:[],choices:{},written:{},quiz:{index:0,answers:{},showingResults:!1,attemptCount:0,attempts:[],bestScore:void 0,passed:!1}}}function Ue(e,t){let n=e.visited.includes(t)?e.visited:[...e.visited,t];return e.location===t&&n===e.visited?e:{...e,location:t,visited:n}}function We(e,t,n){return t in e.choices?e:{...e,choices:{...e.choices,[t]:n}}}function Ge(e,t,n,r){let i=Ke(n,r);return t in e.written||i===``?e:{...e,written:{...e.written,[t]:i}}}function Ke(e,t){let n=e.replace(/\r\n?/g,`
`).replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g,` `).trim(),r=Array.from(n);return r.length<=t?n:r.slice(0,t).join(``).trimEnd()}function qe(e,t,n){return e.quiz.showingResults?e:{...e,quiz:{...e.quiz,answers:{...e.quiz.answers,[t]:n}}}}function Je(e,t){return{...e,quiz:{...e.quiz,index:t}}}function Ye(e,t,n){let r=h(t);if(e.quiz.showingResults||r.questions.some(t=>!(t.id in e.quiz.answers)))return e;let i=te(r,e.quiz.answers),a={answers:e.quiz.answers,correct:i.correct,total:i.total},o=Math.max(e.quiz.bestScore??0,i.scaled);return{...e,quiz:{...e.quiz,showingResults:!0,attemptCount:e.quiz.attemptCount+1,attempts:[...e.quiz.attempts,a].slice(-t.settings.keptQuizAttempts),bestScore:o,passed:e.quiz.passed||ne(i.scaled,n)}}}function Xe(e){return{...e,quiz:{...e.quiz,index:0,answers:{},showingResults:!1}}}function Ze(e,t){let n={c:e,l:t.location,v:[...t.visited],a:{...t.choices},q:{i:t.quiz.index,a:{...t.quiz.answers},r:+!!t.quiz.showingResults,n:t.quiz.attemptCount,h:t.quiz.attempts.map(e=>[{...e.answers},e.correct,e.total]),b:t.quiz.bestScore??null,p:+!!t.quiz.passed}},r=JSON.stringify(n),i=Object.entries(t.written).map(([e,t])=>`${e}=${t.length}:${t}`).join(``);return`1.${r.length}.${r}${i}`}var Qe=e=>typeof e==`object`&&!!e&&!Array.isArray(e),$e=e=>Qe(e)?Object.fromEntries(Object.entries(e).filter(e=>typeof e[1]==`string`)):{},g=e=>typeof e==`number`&&Number.isInteger(e)&&e>=0?e:0;function et(e){let t={},n=0;for(;n<e.length;){let r=e.indexOf(`=`,n),i=e.indexOf(`:`,r+1);if(r<0||i<0)return;let a=Number(e.slice(r+1,i));if(!Number.isInteger(a)||a<0||i+1+a>e.length)return;t[e.slice(n,r)]=e.slice(i+1,i+1+a),n=i+1+a}return t}function tt(e,t){if(!t)return{ok:!1,reason:`empty`};let n=/^(\d+)\.(\d+)\./.exec(t);if(!n)return{ok:!1,reason:`corrupt`};if(Number(n[1])!==1)return{ok:!1,reason:`unknown-version`};let r=n[0].length,i=t.slice(r,r+Number(n[2])),a;try{a=JSON.parse(i)}catch{return{ok:!1,reason:`corrupt`}}let o=et(t.slice(r+Number(n[2])));return!Qe(a)||!Qe(a.q)||o===void 0?{ok:!1,reason:`corrupt`}:a.c===e.id?{ok:!0,state:nt(e,a,a.q,o)}:{ok:!1,reason:`other-course`}}function nt(e,t,n,r){let i=He(e),a=new Set(e.pages.map(e=>e.id)),o=new Map(Ve(e).map(({block:e,key:t})=>[t,new Set(e.options.map(e=>e.id))])),s=new Set(Be(e).map(({key:e})=>e)),c=h(e),l=new Map(c.questions.map(e=>[e.id,new Set(e.options.map(e=>e.id))])),u=e=>Object.fromEntries(Object.entries(e).filter(([e,t])=>l.get(e)?.has(t))),ee=Array.isArray(t.v)?t.v.filter(e=>typeof e==`string`&&a.has(e)):[],te=typeof t.l==`string`&&a.has(t.l)?t.l:i.location,ne=Object.fromEntries(Object.entries($e(t.a)).filter(([e,t])=>o.get(e)?.has(t))),d=Object.fromEntries(Object.entries(r).filter(([e])=>s.has(e))),f=(Array.isArray(n.h)?n.h:[]).filter(e=>Array.isArray(e)&&e.length===3).map(([e,t,n])=>({answers:u($e(e)),correct:g(t),total:g(n)})).filter(e=>e.total>0&&e.correct<=e.total),re=typeof n.b==`number`&&n.b>=0&&n.b<=1?n.b:void 0,ie=Math.max(g(n.n),f.length);return{location:te,visited:ee,choices:ne,written:d,quiz:{index:Math.min(g(n.i),c.questions.length-1),answers:u($e(n.a)),showingResults:n.r===1&&f.length>0,attemptCount:ie,attempts:f,bestScore:ie>0?re:void 0,passed:n.p===1}}}var rt=class{constructor(e,t,n={}){this.lesson=e,this.tracker=t,this.listeners=new Set,this.lastOutcome=``,this.finished=!1,this.reporting=Promise.resolve(),this.shownAt=new Map,this.mode=`normal`,this.current=He(e),this.passingScore=e.settings.passingScore,this.now=n.now??Date.now}get state(){return this.current}get outcome(){return Re(this.lesson,this.current)}subscribe(e){return this.listeners.add(e),()=>this.listeners.delete(e)}async start(e){let t=await this.tracker.start();this.mode=t.mode,this.launchProblem=t.launchProblem,this.exitUrl=t.exitUrl,t.masteryScore!==void 0&&(this.passingScore=t.masteryScore);let n=tt(this.lesson,t.savedState);n.ok?this.current=n.state:n.reason!==`empty`&&(this.resumeProblem=n.reason);let r=this.pageExists(e)?e:this.pageExists(t.location)?t.location:this.current.location;this.lastOutcome=JSON.stringify(this.outcome),this.update(Ue(this.current,r??this.current.location),[])}visit(e){this.pageExists(e)&&this.update(Ue(this.current,e),[])}shown(e){this.shownAt.has(e)||this.shownAt.set(e,this.now())}answerCase(e,t,n){let r=Ve(this.lesson).find(n=>n.block.id===e&&n.item.id===t);if(!r||r.key in this.current.choices||!r.block.options.some(e=>e.id===n))return;let i=this.interaction({id:r.key,activityId:e,kind:`choice`,question:r.item.text,choices:r.block.options,response:[n],correct:[r.item.correct],success:n===r.item.correct,weighting:0,attempt:0});this.update(We(this.current,r.key,n),[i])}submitWritten(e,t,n){let r=Be(this.lesson).find(n=>n.block.id===e&&n.question.id===t);if(!r)return;let i=Ge(this.current,r.key,n,this.lesson.settings.writtenAnswerMaxLength),a=i.written[r.key];if(i===this.current||a===void 0)return;let o=this.interaction({id:r.key,activityId:e,kind:`fill-in`,question:r.question.text,choices:[],response:[a],correct:[],success:void 0,weighting:0,attempt:0});this.update(i,[o])}chooseQuizOption(e,t){this.update(qe(this.current,e,t),[])}goToQuestion(e){let t=h(this.lesson).questions.length-1;this.update(Je(this.current,Math.max(0,Math.min(t,e))),[])}submitQuiz(){let e=h(this.lesson),t=Ye(this.current,this.lesson,this.passingScore);if(t===this.current)return;let n=t.quiz.attemptCount,r=e.questions.map(t=>{let r=this.current.quiz.answers[t.id]??``;return this.interaction({id:`${e.id}.${t.id}`,activityId:e.id,kind:`choice`,question:t.stem,choices:t.options,response:[r],correct:[t.correct],success:r===t.correct,weighting:1,attempt:n})});for(let t of e.questions)this.shownAt.delete(`${e.id}.${t.id}`);this.update(t,r)}retakeQuiz(){this.update(Xe(this.current),[])}flush(){this.tracker.flush()}async finish(){this.finished||(this.finished=!0,await this.reporting,await this.tracker.finish())}pageExists(e){return e!==void 0&&this.lesson.pages.some(t=>t.id===e)}interaction(e){let t=this.now(),n=this.shownAt.get(e.id)??t;return{...e,latencyMs:Math.max(0,t-n),answeredAt:t}}update(e,t){if(e===this.current&&t.length===0)return;let n=e.visited.filter(e=>!this.current.visited.includes(e));this.current=e;for(let t of this.listeners)t(e);this.mode===`normal`&&(this.reporting=this.reporting.then(()=>this.report(t,n)))}settled(){return this.reporting}async report(e,t){for(let e of t)await this.tracker.visit(e);for(let t of e)await this.tracker.record(t);await this.tracker.save(Ze(this.lesson.id,this.current),this.current.location);let n=this.outcome,r=JSON.stringify(n);r!==this.lastOutcome&&(this.lastOutcome=r,await this.tracker.conclude(n))}},_=globalThis,it=_.ShadowRoot&&(_.ShadyCSS===void 0||_.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,at=Symbol(),ot=new WeakMap,st=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==at)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(it&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=ot.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&ot.set(t,e))}return e}toString(){return this.cssText}},ct=e=>new st(typeof e==`string`?e:e+``,void 0,at),v=(e,...t)=>new st(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,at),lt=(e,t)=>{if(it)e.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let n of t){let t=document.createElement(`style`),r=_.litNonce;r!==void 0&&t.setAttribute(`nonce`,r),t.textContent=n.cssText,e.appendChild(t)}},ut=it?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return ct(t)})(e):e,{is:dt,defineProperty:ft,getOwnPropertyDescriptor:pt,getOwnPropertyNames:mt,getOwnPropertySymbols:ht,getPrototypeOf:gt}=Object,_t=globalThis,vt=_t.trustedTypes,yt=vt?vt.emptyScript:``,bt=_t.reactiveElementPolyfillSupport,y=(e,t)=>e,xt={toAttribute(e,t){switch(t){case Boolean:e=e?yt:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},St=(e,t)=>!dt(e,t),Ct={attribute:!0,type:String,converter:xt,reflect:!1,useDefault:!1,hasChanged:St};Symbol.metadata??=Symbol(`metadata`),_t.litPropertyMetadata??=new WeakMap;var b=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Ct){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&ft(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=pt(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Ct}static _$Ei(){if(this.hasOwnProperty(y(`elementProperties`)))return;let e=gt(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(y(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(y(`properties`))){let e=this.properties,t=[...mt(e),...ht(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(ut(e))}else e!==void 0&&t.push(ut(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return lt(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?xt:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?xt:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??St)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};b.elementStyles=[],b.shadowRootOptions={mode:`open`},b[y(`elementProperties`)]=new Map,b[y(`finalized`)]=new Map,bt?.({ReactiveElement:b}),(_t.reactiveElementVersions??=[]).push(`2.1.2`);var wt=globalThis,Tt=e=>e,Et=wt.trustedTypes,Dt=Et?Et.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,Ot=`$lit$`,x=`lit$${Math.random().toFixed(9).slice(2)}$`,kt=`?`+x,At=`<${kt}>`,S=document,C=()=>S.createComment(``),w=e=>e===null||typeof e!=`object`&&typeof e!=`function`,jt=Array.isArray,Mt=e=>jt(e)||typeof e?.[Symbol.iterator]==`function`,Nt=`[ 	
\f\r]`,T=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Pt=/-->/g,Ft=/>/g,E=RegExp(`>|${Nt}(?:([^\\s"'>=/]+)(${Nt}*=${Nt}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),It=/'/g,Lt=/"/g,Rt=/^(?:script|style|textarea|title)$/i,zt=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),D=zt(1),Bt=zt(2),O=Symbol.for(`lit-noChange`),k=Symbol.for(`lit-nothing`),Vt=new WeakMap,A=S.createTreeWalker(S,129);function Ht(e,t){if(!jt(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return Dt===void 0?t:Dt.createHTML(t)}var Ut=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=T;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===T?c[1]===`!--`?o=Pt:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=E):(Rt.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=E):o=Ft:o===E?c[0]===`>`?(o=i??T,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?E:c[3]===`"`?Lt:It):o===Lt||o===It?o=E:o===Pt||o===Ft?o=T:(o=E,i=void 0);let ee=o===E&&e[t+1].startsWith(`/>`)?` `:``;a+=o===T?n+At:l>=0?(r.push(s),n.slice(0,l)+Ot+n.slice(l)+x+ee):n+x+(l===-2?t:ee)}return[Ht(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},Wt=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=Ut(t,n);if(this.el=e.createElement(l,r),A.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=A.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(Ot)){let t=u[o++],n=i.getAttribute(e).split(x),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?Kt:r[1]===`?`?qt:r[1]===`@`?Jt:N}),i.removeAttribute(e)}else e.startsWith(x)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(Rt.test(i.tagName)){let e=i.textContent.split(x),t=e.length-1;if(t>0){i.textContent=Et?Et.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],C()),A.nextNode(),c.push({type:2,index:++a});i.append(e[t],C())}}}else if(i.nodeType===8){if(i.data===kt)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(x,e+1))!==-1;)c.push({type:7,index:a}),e+=x.length-1}}a++}}static createElement(e,t){let n=S.createElement(`template`);return n.innerHTML=e,n}};function j(e,t,n=e,r){if(t===O)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=w(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=j(e,i._$AS(e,t.values),i,r)),t}var Gt=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??S).importNode(t,!0);A.currentNode=r;let i=A.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new M(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Yt(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=A.nextNode(),a++)}return A.currentNode=S,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},M=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=k,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=j(this,e,t),w(e)?e===k||e==null||e===``?(this._$AH!==k&&this._$AR(),this._$AH=k):e!==this._$AH&&e!==O&&this._(e):e._$litType$===void 0?e.nodeType===void 0?Mt(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==k&&w(this._$AH)?this._$AA.nextSibling.data=e:this.T(S.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=Wt.createElement(Ht(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new Gt(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=Vt.get(e.strings);return t===void 0&&Vt.set(e.strings,t=new Wt(e)),t}k(t){jt(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(C()),this.O(C()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=Tt(e).nextSibling;Tt(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},N=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=k,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=k}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=j(this,e,t,0),a=!w(e)||e!==this._$AH&&e!==O,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=j(this,r[n+o],t,o),s===O&&(s=this._$AH[o]),a||=!w(s)||s!==this._$AH[o],s===k?e=k:e!==k&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===k?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},Kt=class extends N{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===k?void 0:e}},qt=class extends N{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==k)}},Jt=class extends N{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=j(this,e,t,0)??k)===O)return;let n=this._$AH,r=e===k&&n!==k||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==k&&(n===k||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Yt=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){j(this,e)}},Xt={M:Ot,P:x,A:kt,C:1,L:Ut,R:Gt,D:Mt,V:j,I:M,H:N,N:qt,U:Jt,B:Kt,F:Yt},Zt=wt.litHtmlPolyfillSupport;Zt?.(Wt,M),(wt.litHtmlVersions??=[]).push(`3.3.3`);var Qt=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new M(t.insertBefore(C(),e),e,void 0,n??{})}return i._$AI(e),i},$t=globalThis,P=class extends b{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Qt(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return O}};P._$litElement$=!0,P.finalized=!0,$t.litElementHydrateSupport?.({LitElement:P});var en=$t.litElementPolyfillSupport;en?.({LitElement:P}),($t.litElementVersions??=[]).push(`4.2.2`);var F=e=>(t,n)=>{n===void 0?customElements.define(e,t):n.addInitializer(()=>{customElements.define(e,t)})},tn={attribute:!0,type:String,converter:xt,reflect:!1,hasChanged:St},nn=(e=tn,t,n)=>{let{kind:r,metadata:i}=n,a=globalThis.litPropertyMetadata.get(i);if(a===void 0&&globalThis.litPropertyMetadata.set(i,a=new Map),r===`setter`&&((e=Object.create(e)).wrapped=!0),a.set(n.name,e),r===`accessor`){let{name:r}=n;return{set(n){let i=t.get.call(this);t.set.call(this,n),this.requestUpdate(r,i,e,!0,n)},init(t){return t!==void 0&&this.C(r,void 0,e,t),t}}}if(r===`setter`){let{name:r}=n;return function(n){let i=this[r];t.call(this,n),this.requestUpdate(r,i,e,!0,n)}}throw Error(`Unsupported decorator location: `+r)};function I(e){return(t,n)=>typeof n==`object`?nn(e,t,n):((e,t,n)=>{let r=t.hasOwnProperty(n);return t.constructor.createProperty(n,e),r?Object.getOwnPropertyDescriptor(t,n):void 0})(e,t,n)}function L(e){return I({...e,state:!0,attribute:!1})}var rn=(e,t,n)=>(n.configurable=!0,n.enumerable=!0,Reflect.decorate&&typeof t!=`object`&&Object.defineProperty(e,t,n),n);function an(e,t){return(n,r,i)=>{let a=t=>t.renderRoot?.querySelector(e)??null;if(t){let{get:e,set:t}=typeof r==`object`?n:i??(()=>{let e=Symbol();return{get(){return this[e]},set(t){this[e]=t}}})();return rn(n,r,{get(){let n=e.call(this);return n===void 0&&(n=a(this),(n!==null||this.hasUpdated)&&t.call(this,n)),n}})}return rn(n,r,{get(){return a(this)}})}}var on={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},sn=e=>(...t)=>({_$litDirective$:e,values:t}),cn=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,n){this._$Ct=e,this._$AM=t,this._$Ci=n}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}},{I:ln}=Xt,un={},dn=(e,t=un)=>e._$AH=t,fn=sn(class extends cn{constructor(){super(...arguments),this.key=k}render(e,t){return this.key=e,t}update(e,[t,n]){return t!==this.key&&(dn(e),this.key=t),n}}),R={bubbles:!0,composed:!0},pn=class e extends Event{static{this.type=`lesson-navigate`}constructor(t){super(e.type,R),this.pageId=t}},mn=class e extends Event{static{this.type=`lesson-case-answer`}constructor(t,n,r){super(e.type,R),this.activityId=t,this.caseId=n,this.optionId=r}},hn=class e extends Event{static{this.type=`lesson-written-answer`}constructor(t,n,r){super(e.type,R),this.activityId=t,this.questionId=n,this.text=r}},gn=class e extends Event{static{this.type=`lesson-question-shown`}constructor(t){super(e.type,R),this.key=t}},_n=class e extends Event{static{this.type=`lesson-quiz-choose`}constructor(t,n){super(e.type,R),this.questionId=t,this.optionId=n}},vn=class e extends Event{static{this.type=`lesson-quiz-goto`}constructor(t){super(e.type,R),this.index=t}},yn=class e extends Event{static{this.type=`lesson-quiz-submit`}constructor(){super(e.type,R)}},bn=class e extends Event{static{this.type=`lesson-quiz-retake`}constructor(){super(e.type,R)}},xn=`important`,Sn=` !`+xn,Cn=sn(class extends cn{constructor(e){if(super(e),e.type!==on.ATTRIBUTE||e.name!==`style`||e.strings?.length>2)throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.")}render(e){return Object.keys(e).reduce((t,n)=>{let r=e[n];return r==null?t:t+`${n=n.includes(`-`)?n:n.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g,`-$&`).toLowerCase()}:${r};`},``)}update(e,[t]){let{style:n}=e.element;if(this.ft===void 0)return this.ft=new Set(Object.keys(t)),this.render(t);for(let e of this.ft)t[e]??(this.ft.delete(e),e.includes(`-`)?n.removeProperty(e):n[e]=null);for(let e in t){let r=t[e];if(r!=null){this.ft.add(e);let t=typeof r==`string`&&r.endsWith(Sn);e.includes(`-`)||t?n.setProperty(e,t?r.slice(0,-11):r,t?xn:``):n[e]=r}}return O}}),z=v`
  :host {
    display: block;
    color: var(--text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  p,
  ul,
  ol {
    margin: 0 0 var(--space-3);
    max-width: var(--measure);
  }
  li + li {
    margin-top: var(--space-1);
  }
  a {
    color: var(--link);
    text-underline-offset: 0.15em;
  }
  code {
    font-family: var(--font-mono);
    font-size: 0.95em;
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--radius);
    border: 2px solid var(--accent);
    background: var(--accent);
    color: var(--on-accent);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--accent-text);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  fieldset {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--space-3);
    margin: 0 0 var(--space-4);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 var(--space-1);
  }
  .choice {
    display: flex;
    gap: var(--space-2);
    align-items: flex-start;
    padding: var(--space-2);
    border-radius: var(--radius);
    cursor: pointer;
  }
  .choice input {
    margin-top: 0.3em;
    width: 1.15rem;
    height: 1.15rem;
    flex: none;
    accent-color: var(--accent);
  }
  .feedback {
    border-left: 6px solid var(--border);
    padding: var(--space-2) var(--space-3);
    margin: var(--space-3) 0 0;
    background: var(--surface-2);
    border-radius: 0 var(--radius) var(--radius) 0;
  }
  .feedback.right {
    border-left-color: var(--success);
  }
  .feedback.wrong {
    border-left-color: var(--danger);
  }
  .verdict {
    font-weight: 700;
  }
  .verdict svg {
    width: 1.1em;
    height: 1.1em;
    vertical-align: -0.2em;
    margin-right: 0.3em;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease;
    }
  }
`,B={skipToContent:`Skip to main content`,contents:`Contents`,lessonProgress:`Lesson progress`,progressValue:(e,t)=>`${e} of ${t} pages visited`,previous:`Previous`,next:`Next`,previousPage:e=>`Previous: ${e}`,nextPage:e=>`Next: ${e}`,visited:`visited`,currentPage:`current page`,minutes:e=>`${e} min`,lessonLabel:e=>`Lesson ${e}`,keyTakeaway:`Key takeaway`,opensNewTab:`opens in a new tab`,sourceLink:e=>`AWS Documentation: ${e}`,downloadCsv:e=>`Download the table as CSV (${e})`,csvVersion:`CSV version`,possibleAnswers:`Possible answers:`,check:`Check answer`,chooseFirst:`Choose an answer first.`,correct:`Correct.`,incorrect:`Not quite.`,theAnswerIs:e=>`The best answer is: ${e}.`,yourAnswer:`Your answer`,showModel:`Submit and show the model answer`,writeFirst:`Write your answer first.`,modelAnswer:`Model answer`,charactersLeft:(e,t)=>`${e} of ${t} characters left`,questionOf:(e,t)=>`${e} / ${t}`,questionProgress:(e,t)=>`Question ${e} of ${t}`,previousQuestion:`Previous question`,nextQuestion:`Next question`,submitQuiz:`Submit quiz`,answerAll:e=>`Answer every question before submitting. Not answered yet: ${e}.`,results:`Your result`,score:(e,t,n)=>`You scored ${n} % (${e} of ${t} correct).`,passed:e=>`Passed. The passing score is ${e} %.`,failed:e=>`Not passed yet. The passing score is ${e} %. Review the feedback, then take the quiz again.`,bestScore:e=>`Best score so far: ${e} %.`,attempts:e=>`Attempt ${e}.`,youAnswered:e=>`Your answer: ${e}`,correctAnswer:e=>`Correct answer: ${e}`,retake:`Take the quiz again`,answerKeyLocked:`Shown after you submit the quiz.`,reflectionLocked:`Shown after you answer this reflection question.`,nextLesson:`Next lesson`,notConnected:`Not connected to an LMS: your progress is saved in this browser only.`,noStorage:`Your progress cannot be saved in this browser; it is kept while this page stays open.`,connected:`Connected to your learning system. Progress is saved as you go.`,retrying:`Your learning system is not answering right now. Your answers are kept and will be sent again automatically; you can keep working.`,unauthorized:`Your learning system refused the connection. Your answers are kept on this device; please relaunch the course from your learning system.`,launchFallback:`The lesson runs on its own for now: your progress is saved in this browser only.`,exit:`Exit and return to the learning system`,resumeProblem:`Your saved progress could not be read, so the lesson starts from the beginning.`,reviewMode:`Review mode: you can look through the lesson; nothing you do changes your record.`,loading:`Loading the lesson…`};function V(e,t,n,r){var i=arguments.length,a=i<3?t:r===null?r=Object.getOwnPropertyDescriptor(t,n):r,o;if(typeof Reflect==`object`&&typeof Reflect.decorate==`function`)a=Reflect.decorate(e,t,n,r);else for(var s=e.length-1;s>=0;s--)(o=e[s])&&(a=(i<3?o(a):i>3?o(t,n,a):o(t,n))||a);return i>3&&a&&Object.defineProperty(t,n,a),a}function wn(e){return e.number?`${e.number}) ${e.title}`:e.title}var H=class extends P{constructor(...e){super(...e),this.pages=[],this.current=``,this.visited=[]}static{this.styles=[z,v`
      h2 {
        font-size: 1rem;
        margin: 0 0 var(--space-2);
      }
      .meter {
        margin-bottom: var(--space-3);
      }
      .bar {
        height: 0.6rem;
        border-radius: 999px;
        background: var(--surface-2);
        border: 1px solid var(--border-strong);
        overflow: hidden;
      }
      .fill {
        height: 100%;
        background: var(--accent);
      }
      .meter p {
        font-size: 0.9rem;
        margin: var(--space-1) 0 0;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li + li {
        margin: 0;
      }
      a {
        display: flex;
        gap: var(--space-2);
        align-items: baseline;
        padding: var(--space-2);
        min-height: 44px;
        border-radius: var(--radius);
        text-decoration: none;
        color: var(--text);
      }
      a:hover {
        background: var(--surface-2);
        text-decoration: underline;
      }
      a[aria-current='page'] {
        background: var(--surface-2);
        font-weight: 700;
        box-shadow: inset 4px 0 0 var(--accent);
      }
      .mark {
        flex: none;
        width: 1.2em;
        text-align: center;
        color: var(--success-text);
      }
    `]}handleClick(e,t){e.ctrlKey||e.metaKey||e.shiftKey||(e.preventDefault(),this.dispatchEvent(new pn(t)))}render(){let e=this.pages.filter(e=>this.visited.includes(e.id)).length,t=this.pages.length;return D`<nav aria-labelledby="toc-heading">
      <h2 id="toc-heading">${B.contents}</h2>
      <div class="meter">
        <div
          class="bar"
          role="progressbar"
          aria-label=${B.lessonProgress}
          aria-valuemin="0"
          aria-valuemax=${t}
          aria-valuenow=${e}
          aria-valuetext=${B.progressValue(e,t)}
        >
          <div class="fill" style=${Cn({width:`${t?100*e/t:0}%`})}></div>
        </div>
        <p aria-hidden="true">${B.progressValue(e,t)}</p>
      </div>
      <ol>
        ${this.pages.map(e=>{let t=this.visited.includes(e.id),n=e.id===this.current;return D`<li>
            <a href="#/${e.id}" aria-current=${n?`page`:`false`} @click=${t=>this.handleClick(t,e.id)}>
              <span class="mark" aria-hidden="true">${t?`✓`:``}</span>
              <span>${wn(e)}${t&&!n?D`<span class="visually-hidden"> (${B.visited})</span>`:``}</span>
            </a>
          </li>`})}
      </ol>
    </nav>`}};V([I({attribute:!1})],H.prototype,`pages`,void 0),V([I()],H.prototype,`current`,void 0),V([I({attribute:!1})],H.prototype,`visited`,void 0),H=V([F(`lesson-toc`)],H);var Tn=class extends P{constructor(...e){super(...e),this.message=``,this.tone=`info`}static{this.styles=[z,v`
      .notice {
        padding: var(--space-2) var(--space-3);
        border-radius: var(--radius);
        border: 1px solid var(--border);
        background: var(--surface-2);
        margin: 0 0 var(--space-3);
      }
      .notice.warning {
        border-color: var(--warning);
        border-left-width: 6px;
      }
    `]}render(){return D`<div role="status" aria-live="polite">
      ${this.message?D`<p class="notice ${this.tone}">${this.message}</p>`:k}
    </div>`}};V([I()],Tn.prototype,`message`,void 0),V([I()],Tn.prototype,`tone`,void 0),Tn=V([F(`lesson-notice`)],Tn);function En(e){switch(e.t){case`text`:return e.v;case`strong`:return D`<strong>${e.c.map(En)}</strong>`;case`em`:return D`<em>${e.c.map(En)}</em>`;case`code`:return D`<code>${e.v}</code>`;case`link`:return D`<a
        href=${e.href}
        target="_blank"
        rel="noopener noreferrer"
        aria-label=${`${B.sourceLink(e.title)} (${B.opensNewTab})`}
        >${e.c.map(En)}</a
      >`}}function U(e){return D`${e.map(En)}`}function Dn(e){return D`${e.map(e=>{switch(e.t){case`p`:return D`<p>${U(e.c)}</p>`;case`ul`:return D`<ul>
          ${e.items.map(e=>D`<li>${U(e)}</li>`)}
        </ul>`;case`ol`:return D`<ol start=${e.start===1?k:e.start}>
          ${e.items.map(e=>D`<li>${U(e)}</li>`)}
        </ol>`}})}`}var On=class extends P{static{this.styles=[z,v`
      .scroll {
        overflow-x: auto;
        margin-bottom: var(--space-3);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        max-width: var(--measure);
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: var(--space-2);
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: var(--space-2) var(--space-3);
        border: 1px solid var(--border);
      }
      thead th {
        background: var(--surface-2);
      }
      pre {
        font-family: var(--font-mono);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--surface-2);
        padding: var(--space-3);
        border-radius: var(--radius);
        max-width: var(--measure);
      }
      summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
    `]}render(){let{caption:e,columns:t,rows:n,csv:r,csvFileName:i}=this.table;return D`
      <div class="scroll" role="region" aria-label=${e} tabindex="0">
        <table>
          <caption>
            ${e}
          </caption>
          <thead>
            <tr>
              ${t.map(e=>D`<th scope="col">${e}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${n.map(([e,...t])=>D`<tr>
                  <th scope="row">${e}</th>
                  ${t.map(e=>D`<td>${e}</td>`)}
                </tr>`)}
          </tbody>
        </table>
      </div>
      <details class="csv">
        <summary>${B.csvVersion}</summary>
        <pre>${r.trimEnd().replaceAll(`\r
`,`
`)}</pre>
      </details>
      <p><a href=${i} download=${i}>${B.downloadCsv(i)}</a></p>
    `}};V([I({attribute:!1})],On.prototype,`table`,void 0),On=V([F(`lesson-table`)],On);var kn=Bt`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/></svg>`,An=Bt`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z"/></svg>`,W=class extends P{constructor(...e){super(...e),this.picked={},this.answers={},this.readonly=!1}static{this.styles=[z,v`
      ol.cases {
        list-style: none;
        padding: 0;
        max-width: none;
      }
      .actions {
        margin-top: var(--space-2);
      }
      .hint {
        color: var(--danger-text);
        margin: var(--space-2) 0 0;
      }
    `]}firstUpdated(){for(let e of this.activity.cases)this.dispatchEvent(new gn(`${this.activity.id}.${e.id}`))}handlePick(e,t){this.picked={...this.picked,[e]:t},this.missing===e&&(this.missing=void 0)}updated(){let e=this.focusFeedbackOf&&this.renderRoot.querySelector(`#feedback-${this.focusFeedbackOf}`);e&&(this.focusFeedbackOf=void 0,e.focus())}handleCheck(e){let t=this.picked[e];t?(this.focusFeedbackOf=e,this.dispatchEvent(new mn(this.activity.id,e,t))):this.missing=e}renderFeedback(e,t){let n=t===e.correct,r=this.activity.options.find(t=>t.id===e.correct)?.text??e.correct;return D`<div class="feedback ${n?`right`:`wrong`}" id="feedback-${e.id}" tabindex="-1">
      <p class="verdict">${n?kn:An}${n?B.correct:B.incorrect} ${B.theAnswerIs(r)}</p>
      <p>${U(e.why)}</p>
    </div>`}renderCase(e,t){let n=this.answers[e.id],r=n??this.picked[e.id],i=n!==void 0||this.readonly;return D`<li>
      <fieldset>
        <legend>${t+1}. ${e.text}</legend>
        ${this.activity.options.map(t=>D`<label class="choice">
              <input
                type="radio"
                name=${e.id}
                .value=${t.id}
                .checked=${r===t.id}
                ?disabled=${i}
                @change=${()=>this.handlePick(e.id,t.id)}
              />
              <span>${t.text}</span>
            </label>`)}
        ${n===void 0?D`<div class="actions">
                <button type="button" ?disabled=${this.readonly} @click=${()=>this.handleCheck(e.id)}>${B.check}</button>
                ${this.missing===e.id?D`<p class="hint" role="alert">${B.chooseFirst}</p>`:k}
              </div>`:k}
        <div aria-live="polite">${n===void 0?k:this.renderFeedback(e,n)}</div>
      </fieldset>
    </li>`}render(){let{heading:e,prompt:t,note:n,cases:r}=this.activity;return D`
      <h3>${e}</h3>
      <p>${t}</p>
      <p id="options-label">${B.possibleAnswers}</p>
      <ul aria-labelledby="options-label">
        ${this.activity.options.map(e=>D`<li>${e.text}</li>`)}
      </ul>
      <ol class="cases">
        ${r.map((e,t)=>this.renderCase(e,t))}
      </ol>
      <p>${U(n)}</p>
    `}};V([L()],W.prototype,`picked`,void 0),V([L()],W.prototype,`missing`,void 0),V([I({attribute:!1})],W.prototype,`activity`,void 0),V([I({attribute:!1})],W.prototype,`answers`,void 0),V([I({type:Boolean})],W.prototype,`readonly`,void 0),W=V([F(`lesson-choice-activity`)],W);var G=class extends P{constructor(...e){super(...e),this.drafts={},this.activityId=``,this.heading=``,this.prompt=``,this.perQuestionHeading=!1,this.questions=[],this.answers={},this.maxLength=250,this.readonly=!1}static{this.styles=[z,v`
      ol.questions {
        list-style: none;
        padding: 0;
        max-width: none;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: var(--space-2);
      }
      textarea {
        display: block;
        width: 100%;
        max-width: var(--measure);
        min-height: 6rem;
        font: inherit;
        padding: var(--space-2);
        border: 2px solid var(--border-strong);
        border-radius: var(--radius);
        background: var(--surface);
        color: var(--text);
      }
      textarea[readonly] {
        background: var(--surface-2);
      }
      .count {
        font-size: 0.9rem;
        color: var(--muted);
        margin: var(--space-1) 0 var(--space-2);
      }
      .hint {
        color: var(--danger-text);
      }
      .model h4 {
        margin: 0 0 var(--space-1);
        font-size: 1rem;
      }
      .item {
        margin-bottom: var(--space-4);
      }
    `]}firstUpdated(){for(let e of this.questions)this.dispatchEvent(new gn(`${this.activityId}.${e.id}`))}handleInput(e,t){this.drafts={...this.drafts,[e]:t.target.value},this.missing===e&&(this.missing=void 0)}updated(){let e=this.focusModelOf&&this.renderRoot.querySelector(`#model-${this.focusModelOf}`);e&&(this.focusModelOf=void 0,e.focus())}handleSubmit(e){let t=(this.drafts[e]??``).trim();t?(this.focusModelOf=e,this.dispatchEvent(new hn(this.activityId,e,t))):(this.missing=e,this.renderRoot.querySelector(`#answer-${e}`)?.focus())}renderQuestion(e,t){let n=this.answers[e.id],r=n??this.drafts[e.id]??``,i=this.maxLength-Array.from(r).length,a=this.perQuestionHeading;return D`<li class="item">
      ${a?D`<h3>${this.heading}</h3>`:k}
      <label for="answer-${e.id}">${a?``:`${t+1}. `}${e.text}</label>
      <textarea
        id="answer-${e.id}"
        maxlength=${this.maxLength}
        aria-describedby="count-${e.id}${this.missing===e.id?` hint-${e.id}`:``}"
        ?readonly=${n!==void 0||this.readonly}
        .value=${r}
        @input=${t=>this.handleInput(e.id,t)}
      ></textarea>
      <p class="count" id="count-${e.id}">${B.charactersLeft(i,this.maxLength)}</p>
      ${n===void 0?D`<button type="button" ?disabled=${this.readonly} @click=${()=>this.handleSubmit(e.id)}>${B.showModel}</button>
              ${this.missing===e.id?D`<p class="hint" id="hint-${e.id}" role="alert">${B.writeFirst}</p>`:k}`:k}
      <div aria-live="polite">
        ${n===void 0?k:D`<div class="feedback model" id="model-${e.id}" tabindex="-1">
                <h4>${B.modelAnswer}</h4>
                <p>${U(e.modelAnswer)}</p>
              </div>`}
      </div>
    </li>`}render(){return D`
      ${this.perQuestionHeading?k:D`<h3>${this.heading}</h3>`} ${this.prompt?D`<p>${this.prompt}</p>`:k}
      <ol class="questions">
        ${this.questions.map((e,t)=>this.renderQuestion(e,t))}
      </ol>
      <slot></slot>
    `}};V([L()],G.prototype,`drafts`,void 0),V([L()],G.prototype,`missing`,void 0),V([I()],G.prototype,`activityId`,void 0),V([I()],G.prototype,`heading`,void 0),V([I()],G.prototype,`prompt`,void 0),V([I({type:Boolean})],G.prototype,`perQuestionHeading`,void 0),V([I({attribute:!1})],G.prototype,`questions`,void 0),V([I({attribute:!1})],G.prototype,`answers`,void 0),V([I({type:Number})],G.prototype,`maxLength`,void 0),V([I({type:Boolean})],G.prototype,`readonly`,void 0),G=V([F(`lesson-written-activity`)],G);var K=class extends P{constructor(...e){super(...e),this.readonly=!1}static{this.styles=[z,v`
      .letter {
        font-weight: 700;
        min-width: 1.5em;
      }
      .choice:hover {
        background: var(--surface-2);
      }
    `]}render(){let e=this.question;return D`<fieldset>
      <legend id="stem">${e.stem}</legend>
      ${e.options.map((t,n)=>D`<label class="choice">
            <input
              type="radio"
              name=${e.id}
              .value=${t.id}
              .checked=${this.chosen===t.id}
              ?disabled=${this.readonly}
              @change=${()=>this.dispatchEvent(new _n(e.id,t.id))}
            />
            <span class="letter" aria-hidden="true">${q(n)}.</span>
            <span><span class="visually-hidden">${q(n)}. </span>${t.text}</span>
          </label>`)}
    </fieldset>`}};V([I({attribute:!1})],K.prototype,`question`,void 0),V([I()],K.prototype,`chosen`,void 0),V([I({type:Boolean})],K.prototype,`readonly`,void 0),K=V([F(`lesson-quiz-question`)],K);function q(e){return String.fromCharCode(65+e)}var J=class extends P{constructor(...e){super(...e),this.questions=[],this.attemptNumber=1,this.passingScore=.8,this.bestScore=0,this.passed=!1,this.readonly=!1}static{this.styles=[z,v`
      .summary {
        font-size: 1.1rem;
        padding: var(--space-3);
        border: 2px solid var(--border);
        border-radius: var(--radius);
        margin-bottom: var(--space-4);
      }
      .summary.right {
        border-color: var(--success);
      }
      .summary.wrong {
        border-color: var(--danger);
      }
      ol {
        padding-left: 1.25rem;
        max-width: none;
      }
      li {
        margin-bottom: var(--space-3);
      }
      .stem {
        font-weight: 600;
      }
    `]}focus(){this.renderRoot.querySelector(`#result-heading`)?.focus()}answerText(e,t){let n=e.options.findIndex(e=>e.id===t),r=e.options[n];return r?`${q(n)}. ${r.text}`:`—`}render(){let{correct:e,total:t}=this.attempt,n=d(t?e/t:0),r=d(this.passingScore),i=t>0&&ne(e/t,this.passingScore);return D`
      <h3 id="result-heading" tabindex="-1">${B.results}</h3>
      <div class="summary ${i||this.passed?`right`:`wrong`}" role="status">
        <p class="verdict">${i||this.passed?kn:An}${B.score(e,t,n)}</p>
        <p>${this.passed?B.passed(r):B.failed(r)}</p>
        <p>${B.attempts(this.attemptNumber)} ${B.bestScore(d(this.bestScore))}</p>
      </div>
      <ol>
        ${this.questions.map(e=>{let t=this.attempt.answers[e.id],n=t===e.correct;return D`<li>
            <p class="stem">${e.stem}</p>
            <div class="feedback ${n?`right`:`wrong`}">
              <p class="verdict">${n?kn:An}${n?B.correct:B.incorrect}</p>
              <p>${B.youAnswered(this.answerText(e,t))}</p>
              ${n?``:D`<p>${B.correctAnswer(this.answerText(e,e.correct))}</p>`}
              <p>${e.answerKey}: ${q(e.options.findIndex(t=>t.id===e.correct))}. ${U(e.explanation)}</p>
            </div>
          </li>`})}
      </ol>
      <button type="button" ?disabled=${this.readonly} @click=${()=>this.dispatchEvent(new bn)}>${B.retake}</button>
    `}};V([I({attribute:!1})],J.prototype,`questions`,void 0),V([I({attribute:!1})],J.prototype,`attempt`,void 0),V([I({type:Number})],J.prototype,`attemptNumber`,void 0),V([I({type:Number})],J.prototype,`passingScore`,void 0),V([I({type:Number})],J.prototype,`bestScore`,void 0),V([I({type:Boolean})],J.prototype,`passed`,void 0),V([I({type:Boolean})],J.prototype,`readonly`,void 0),J=V([F(`lesson-quiz-results`)],J);var Y=class extends P{constructor(...e){super(...e),this.passingScore=.8,this.readonly=!1}static{this.styles=[z,v`
      .position {
        font-weight: 600;
        color: var(--muted);
        margin-bottom: var(--space-2);
      }
      .nav {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2);
      }
      .hint {
        color: var(--danger-text);
      }
    `]}async updated(){if(!this.progress.showingResults){let e=this.quiz.questions[this.progress.index];e&&this.dispatchEvent(new gn(`${this.quiz.id}.${e.id}`))}let e=this.renderRoot.querySelector(`lesson-quiz-results`);this.focusNext===`results`&&e&&(this.focusNext=void 0,await e.updateComplete,e.focus());let t=this.renderRoot.querySelector(`#position`);this.focusNext===`position`&&t&&(this.focusNext=void 0,t.focus())}handleGoTo(e){this.missing=void 0,this.focusNext=`position`,this.dispatchEvent(new vn(e))}handleSubmit(){let e=this.quiz.questions.map((e,t)=>e.id in this.progress.answers?``:String(t+1)).filter(Boolean);e.length?this.missing=e.join(`, `):(this.focusNext=`results`,this.dispatchEvent(new yn))}handleRetake(){this.focusNext=`position`}renderResults(){let e=this.progress.attempts[this.progress.attempts.length-1];return e?D`<lesson-quiz-results
      @lesson-quiz-retake=${this.handleRetake}
      .questions=${this.quiz.questions}
      .attempt=${e}
      .attemptNumber=${this.progress.attemptCount}
      .passingScore=${this.passingScore}
      .bestScore=${this.progress.bestScore??0}
      ?passed=${this.progress.passed}
      ?readonly=${this.readonly}
    ></lesson-quiz-results>`:k}renderQuestion(){let e=this.quiz.questions.length,t=this.progress.index,n=this.quiz.questions[t];if(!n)return k;let r=t===e-1;return D`
      <p class="position" id="position" tabindex="-1" aria-label=${B.questionProgress(t+1,e)}>
        ${B.questionOf(t+1,e)}
      </p>
      ${fn(n.id,D`<lesson-quiz-question
            .question=${n}
            .chosen=${this.progress.answers[n.id]}
            ?readonly=${this.readonly}
          ></lesson-quiz-question>`)}
      <div class="nav">
        ${t>0?D`<button type="button" class="secondary" @click=${()=>this.handleGoTo(t-1)}>${B.previousQuestion}</button>`:k}
        ${r?D`<button type="button" ?disabled=${this.readonly} @click=${this.handleSubmit}>${B.submitQuiz}</button>`:D`<button type="button" @click=${()=>this.handleGoTo(t+1)}>${B.nextQuestion}</button>`}
      </div>
      ${this.missing?D`<p class="hint" role="alert">${B.answerAll(this.missing)}</p>`:k}
    `}render(){return D`<h3>${this.quiz.heading}</h3>
      ${this.progress.showingResults?this.renderResults():this.renderQuestion()}`}};V([L()],Y.prototype,`missing`,void 0),V([I({attribute:!1})],Y.prototype,`quiz`,void 0),V([I({attribute:!1})],Y.prototype,`progress`,void 0),V([I({type:Number})],Y.prototype,`passingScore`,void 0),V([I({type:Boolean})],Y.prototype,`readonly`,void 0),Y=V([F(`lesson-quiz`)],Y);var X=class extends P{constructor(...e){super(...e),this.quizQuestions=[],this.reflections=[],this.quizSubmitted=!1,this.answeredReflections=[]}static{this.styles=[z,v`
      .key {
        list-style: none;
        padding: 0;
      }
      .key li {
        margin-bottom: var(--space-3);
      }
      .key p {
        margin: 0;
      }
      .question {
        font-weight: 600;
      }
      .locked {
        color: var(--muted);
        font-style: italic;
      }
    `]}entries(){let e=this.quizQuestions.map(e=>({label:e.answerKey,question:e.stem,letter:q(e.options.findIndex(t=>t.id===e.correct)),answer:e.explanation,open:this.quizSubmitted,lockedText:B.answerKeyLocked})),t=this.reflections.map(e=>({label:e.answerKey??``,question:e.text,answer:e.modelAnswer,open:this.answeredReflections.includes(e.id),lockedText:B.reflectionLocked})),n=e=>Number(e.label.slice(1));return[...e,...t].sort((e,t)=>n(e)-n(t))}render(){return D`<ul class="key">
      ${this.entries().map(e=>D`<li>
            <p class="question">${e.question}</p>
            <p>
              ${e.label}:
              ${e.open?D`${e.letter?`${e.letter}. `:``}${U(e.answer)}`:D`<span class="locked">${e.lockedText}</span>`}
            </p>
          </li>`)}
    </ul>`}};V([I({attribute:!1})],X.prototype,`quizQuestions`,void 0),V([I({attribute:!1})],X.prototype,`reflections`,void 0),V([I({type:Boolean})],X.prototype,`quizSubmitted`,void 0),V([I({attribute:!1})],X.prototype,`answeredReflections`,void 0),X=V([F(`lesson-answer-key`)],X);function jn(e,t){let n=`${t}.`;return Object.fromEntries(Object.entries(e).flatMap(([e,t])=>e.startsWith(n)?[[e.slice(n.length),t]]:[]))}var Z=class extends P{constructor(...e){super(...e),this.passingScore=.8,this.readonly=!1}static{this.styles=[z,v`
      h2 {
        font-size: clamp(1.4rem, 1.1rem + 1.2vw, 1.9rem);
        line-height: 1.25;
        margin: 0 0 var(--space-4);
      }
      h3 {
        font-size: 1.2rem;
        margin: var(--space-4) 0 var(--space-2);
      }
      .callout {
        border-left: 6px solid var(--accent);
        background: var(--surface-2);
        padding: var(--space-3) var(--space-3) var(--space-1);
        border-radius: 0 var(--radius) var(--radius) 0;
        margin: var(--space-4) 0;
        max-width: var(--measure);
      }
      .callout h3 {
        margin-top: 0;
      }
      .next-lesson {
        margin-top: var(--space-5);
        font-weight: 600;
      }
    `]}focusHeading(){this.renderRoot.querySelector(`h2`)?.focus()}renderBlock(e){switch(e.kind){case`markdown`:return Dn(e.text);case`takeaway`:return D`<aside class="callout" aria-labelledby="takeaway-${this.page.id}">
          <h3 id="takeaway-${this.page.id}">${B.keyTakeaway}</h3>
          <ul>
            ${e.items.map(e=>D`<li>${U(e)}</li>`)}
          </ul>
        </aside>`;case`memory-rule`:return D`<aside class="callout" aria-label=${e.title}>
          <h3>${e.title}</h3>
          <ul>
            ${e.items.map(e=>D`<li>${U(e)}</li>`)}
          </ul>
        </aside>`;case`table`:return D`<lesson-table .table=${e}></lesson-table>`;case`choice-activity`:return D`<lesson-choice-activity
          .activity=${e}
          .answers=${jn(this.progress.choices,e.id)}
          ?readonly=${this.readonly}
        ></lesson-choice-activity>`;case`written-activity`:case`reflection`:return D`<lesson-written-activity
            .activityId=${e.id}
            .heading=${e.heading}
            .prompt=${e.kind===`written-activity`?e.prompt:``}
            ?perQuestionHeading=${e.kind===`reflection`}
            .questions=${e.questions}
            .answers=${jn(this.progress.written,e.id)}
            .maxLength=${this.lesson.settings.writtenAnswerMaxLength}
            ?readonly=${this.readonly}
          ></lesson-written-activity>
          ${e.kind===`written-activity`?D`<p>${U(e.note)}</p>`:k}`;case`quiz`:return D`<lesson-quiz
          .quiz=${e}
          .progress=${this.progress.quiz}
          .passingScore=${this.passingScore}
          ?readonly=${this.readonly}
        ></lesson-quiz>`;case`answer-key`:{let e=m(this.lesson,`reflection`);return D`<lesson-answer-key
          .quizQuestions=${h(this.lesson).questions}
          .reflections=${e.flatMap(e=>e.questions)}
          ?quizSubmitted=${this.progress.quiz.attemptCount>0}
          .answeredReflections=${e.flatMap(e=>e.questions.filter(t=>ze(e.id,t.id)in this.progress.written).map(e=>e.id))}
        ></lesson-answer-key>`}case`next-lesson`:return D`<p class="next-lesson">${B.nextLesson}: ${e.title}</p>`}}render(){let{number:e,title:t,blocks:n}=this.page;return D`<h2 tabindex="-1">${e?`${e}) `:``}${t}</h2>
      ${n.map(e=>this.renderBlock(e))}`}};V([I({attribute:!1})],Z.prototype,`lesson`,void 0),V([I({attribute:!1})],Z.prototype,`page`,void 0),V([I({attribute:!1})],Z.prototype,`progress`,void 0),V([I({type:Number})],Z.prototype,`passingScore`,void 0),V([I({type:Boolean})],Z.prototype,`readonly`,void 0),Z=V([F(`lesson-page`)],Z);function Q(e){return/^#\/([a-z0-9-]+)$/.exec(e)?.[1]}var $=class extends P{constructor(...e){super(...e),this.status={kind:`standalone`},this.tocOpen=!1,this.unsubscribe=[],this.handleHashChange=()=>this.goTo(Q(location.hash)),this.handleVisibility=()=>{document.visibilityState===`hidden`&&this.session.flush()},this.handlePageHide=()=>{this.session.flush(),this.session.finish()}}static{this.styles=[z,v`
      :host {
        min-height: 100vh;
      }
      .skip {
        position: absolute;
        left: var(--space-2);
        top: -10rem;
        z-index: 10;
        background: var(--surface);
        padding: var(--space-2) var(--space-3);
        border-radius: var(--radius);
      }
      .skip:focus {
        top: var(--space-2);
      }
      header {
        padding: var(--space-4) var(--space-4) var(--space-3);
        border-bottom: 1px solid var(--border);
        background: var(--surface);
      }
      h1 {
        font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2.2rem);
        line-height: 1.2;
        margin: 0 0 var(--space-2);
        max-width: var(--measure);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-1) var(--space-3);
        color: var(--muted);
        margin: 0 0 var(--space-2);
        padding: 0;
        list-style: none;
      }
      .meta li + li {
        margin: 0;
      }
      .description {
        margin: 0;
      }
      .exit {
        margin-top: var(--space-3);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--space-4);
        padding: var(--space-4);
        max-width: 80rem;
        margin: 0 auto;
      }
      .toc-toggle {
        width: 100%;
        text-align: left;
      }
      .toc[hidden] {
        display: none;
      }
      main {
        min-width: 0;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--space-3);
        margin-top: var(--space-5);
        padding-top: var(--space-3);
        border-top: 1px solid var(--border);
      }
      .pager a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: var(--space-2) var(--space-3);
        border: 2px solid var(--accent);
        border-radius: var(--radius);
        text-decoration: none;
        color: var(--accent-text);
        font-weight: 600;
        max-width: 100%;
      }
      .pager a.next {
        margin-left: auto;
        background: var(--accent);
        color: var(--on-accent);
      }
      @media (min-width: 60rem) {
        .layout {
          grid-template-columns: 18rem minmax(0, 1fr);
        }
        .toc-toggle {
          display: none;
        }
        .toc[hidden] {
          display: block;
        }
        .toc {
          position: sticky;
          top: var(--space-3);
          align-self: start;
          max-height: calc(100vh - 2 * var(--space-3));
          overflow: auto;
        }
      }
      @media print {
        .skip,
        .toc,
        .toc-toggle,
        .pager,
        lesson-notice {
          display: none !important;
        }
        .layout {
          display: block;
          padding: 0;
        }
      }
    `]}connectedCallback(){super.connectedCallback(),this.addEventListener(pn.type,e=>this.navigate(e.pageId)),this.addEventListener(mn.type,e=>this.session.answerCase(e.activityId,e.caseId,e.optionId)),this.addEventListener(hn.type,e=>this.session.submitWritten(e.activityId,e.questionId,e.text)),this.addEventListener(gn.type,e=>this.session.shown(e.key)),this.addEventListener(_n.type,e=>this.session.chooseQuizOption(e.questionId,e.optionId)),this.addEventListener(vn.type,e=>this.session.goToQuestion(e.index)),this.addEventListener(yn.type,()=>this.session.submitQuiz()),this.addEventListener(bn.type,()=>this.session.retakeQuiz()),window.addEventListener(`hashchange`,this.handleHashChange),document.addEventListener(`visibilitychange`,this.handleVisibility),window.addEventListener(`pagehide`,this.handlePageHide),this.start()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener(`hashchange`,this.handleHashChange),document.removeEventListener(`visibilitychange`,this.handleVisibility),window.removeEventListener(`pagehide`,this.handlePageHide);for(let e of this.unsubscribe)e()}async start(){this.unsubscribe.push(this.session.tracker.onStatus(e=>this.status=e)),this.unsubscribe.push(this.session.subscribe(e=>this.progress=e)),await this.session.start(Q(location.hash)),this.progress=this.session.state,this.syncHash()}navigate(e){Q(location.hash)===e?this.goTo(e):location.hash=`#/${e}`}async goTo(e){e&&this.progress&&(this.session.visit(e),this.tocOpen=!1,await this.updateComplete,await this.pageElement?.updateComplete,this.pageElement?.focusHeading(),window.scrollTo({top:0}))}syncHash(){let e=this.session.state.location;Q(location.hash)!==e&&history.replaceState(null,``,`#/${e}`)}async handleExit(){let e=this.session.exitUrl;await this.session.finish(),e&&window.location.assign(e)}handleSkip(e){e.preventDefault(),this.pageElement?.focusHeading()}notice(){if(this.session.launchProblem)return{message:`${this.session.launchProblem} ${B.launchFallback}`,tone:`warning`};if(this.session.resumeProblem)return{message:B.resumeProblem,tone:`warning`};if(this.session.mode!==`normal`)return{message:B.reviewMode,tone:`info`};switch(this.status.kind){case`standalone`:return{message:B.notConnected,tone:`info`};case`retrying`:return{message:B.retrying,tone:`warning`};case`unauthorized`:return{message:B.unauthorized,tone:`warning`};case`connected`:return{message:``,tone:`info`}}}renderPager(e){let t=this.session.lesson.pages,n=t[e-1],r=t[e+1];return D`<nav class="pager" aria-label="${B.previous} / ${B.next}">
      ${n?D`<a href="#/${n.id}" rel="prev" aria-label=${B.previousPage(wn(n))}>← ${B.previous}</a>`:k}
      ${r?D`<a class="next" href="#/${r.id}" rel="next" aria-label=${B.nextPage(wn(r))}>${B.next} →</a>`:k}
    </nav>`}render(){let e=this.session.lesson,t=this.progress,n=this.notice(),r=t?e.pages.findIndex(e=>e.id===t.location):-1,i=e.pages[r];return D`
      <a class="skip" href="#main" @click=${this.handleSkip}>${B.skipToContent}</a>
      <header>
        <h1>${e.title}</h1>
        <ul class="meta">
          <li>${B.lessonLabel(e.lessonNumber)}</li>
          <li>${B.minutes(e.durationMinutes)}</li>
          <li>${e.level}</li>
        </ul>
        <p class="description">${e.description}</p>
        ${this.session.exitUrl?D`<button type="button" class="secondary exit" @click=${this.handleExit}>${B.exit}</button>`:k}
      </header>
      <div class="layout">
        <div>
          <button
            type="button"
            class="toc-toggle secondary"
            aria-expanded=${this.tocOpen?`true`:`false`}
            aria-controls="toc"
            @click=${()=>this.tocOpen=!this.tocOpen}
          >
            ${B.contents}${t?` (${B.progressValue(t.visited.length,e.pages.length)})`:``}
          </button>
          <div class="toc" id="toc" ?hidden=${!this.tocOpen}>
            <lesson-toc .pages=${e.pages} .current=${t?.location??``} .visited=${t?.visited??[]}></lesson-toc>
          </div>
        </div>
        <main id="main">
          <lesson-notice .message=${n.message} .tone=${n.tone}></lesson-notice>
          ${i&&t?D`${fn(i.id,D`<lesson-page
                    .lesson=${e}
                    .page=${i}
                    .progress=${t}
                    .passingScore=${this.session.passingScore}
                    ?readonly=${this.session.mode!==`normal`}
                  ></lesson-page>`)}
                ${this.renderPager(r)}`:D`<p>${B.loading}</p>`}
        </main>
      </div>
    `}};V([L()],$.prototype,`progress`,void 0),V([L()],$.prototype,`status`,void 0),V([L()],$.prototype,`tocOpen`,void 0),V([an(`lesson-page`)],$.prototype,`pageElement`,void 0),V([I({attribute:!1})],$.prototype,`session`,void 0),$=V([F(`lesson-app`)],$);var Mn=document.createElement(`lesson-app`);Mn.session=new rt(e,Fe(e)),document.body.prepend(Mn);