import rule from '../../rules/encryption-in-transit/alb-http-to-https-redirect';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const listener = (protocol: string, actions: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/portal/1
      Port: 80
      Protocol: ${protocol}
      DefaultActions:
${actions}${extra}`;

const redirect = (protocol = '\n            Protocol: HTTPS') => `        - Type: redirect
          RedirectConfig:${protocol}
            Port: '443'
            StatusCode: HTTP_301
`;
const forward = `        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1
`;
const listenerRule = (type: string) => `  ApiRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref HttpListener
      Priority: 10
      Conditions:
        - Field: path-pattern
          Values: [/api/*]
      Actions:
        - Type: ${type}
          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/1
`;

const tfListener = (protocol: string, action: Record<string, unknown>) => ({ address: 'aws_lb_listener.http', values: { port: 80, protocol, default_action: [action] } });
const tfRedirect = { type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] };
const tfForward = { type: 'forward', target_group_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1', redirect: [] };

testRule(rule, {
  valid: [
    { name: 'HTTP listener redirects to HTTPS', yaml: listener('HTTP', redirect()) },
    { name: 'HTTPS listener may forward', yaml: listener('HTTPS', forward) },
    { name: 'HTTP listener answers with a fixed response', yaml: listener('HTTP', '        - Type: fixed-response\n          FixedResponseConfig:\n            StatusCode: "404"\n') },
    { name: 'listener rule on an HTTP listener redirects', yaml: listener('HTTP', redirect(), listenerRule('redirect').replace('          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/1\n', '          RedirectConfig:\n            Protocol: HTTPS\n')) },
    { name: 'Terraform: HTTP listener redirects to HTTPS', plan: plan(tfListener('HTTP', tfRedirect)) },
  ],
  invalid: [
    {
      name: 'HTTP listener forwards',
      yaml: listener('HTTP', forward),
      errors: [{ messageId: 'forwardsHttp', resource: 'HttpListener', path: 'Resources.HttpListener.Properties.DefaultActions.0.Type', line: 13 }],
    },
    {
      name: 'redirect keeps the protocol',
      yaml: listener('HTTP', redirect('')),
      errors: [{ messageId: 'redirectNotHttps', resource: 'HttpListener', path: 'Resources.HttpListener.Properties.DefaultActions.0.RedirectConfig.Protocol', line: 14 }],
    },
    {
      name: 'redirect to HTTP',
      yaml: listener('HTTP', redirect('\n            Protocol: HTTP')),
      errors: [{ messageId: 'redirectNotHttps', resource: 'HttpListener', path: 'Resources.HttpListener.Properties.DefaultActions.0.RedirectConfig.Protocol', line: 15 }],
    },
    {
      name: 'listener rule forwards HTTP requests',
      yaml: listener('HTTP', redirect(), listenerRule('forward')),
      errors: [{ messageId: 'ruleForwardsHttp', resource: 'ApiRule', path: 'Resources.ApiRule.Properties.Actions.0.Type', line: 27 }],
    },
    {
      name: 'protocol from a parameter without default is unknown',
      yaml: listener('!Ref Open', forward),
      errors: [{ messageId: 'unknown', resource: 'HttpListener', path: 'Resources.HttpListener.Properties.Protocol', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: HTTP listener forwards',
      plan: plan(tfListener('HTTP', tfForward)),
      errors: [{ messageId: 'forwardsHttp', resource: 'aws_lb_listener.http', path: 'planned_values.root_module.resources.0.values.default_action.0.type', line: 16 }],
    },
    {
      name: 'Terraform: listener rule forwards HTTP requests',
      plan: plan(tfListener('HTTP', tfRedirect), {
        address: 'aws_lb_listener_rule.api',
        values: { listener_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/portal/1/2', priority: 10, action: [{ type: 'forward', target_group_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/1' }] },
        refs: { listener_arn: ['aws_lb_listener.http.arn', 'aws_lb_listener.http'] },
      }),
      errors: [{ messageId: 'ruleForwardsHttp', resource: 'aws_lb_listener_rule.api', path: 'planned_values.root_module.resources.1.values.action.0.type', line: 38 }],
    },
  ],
});
